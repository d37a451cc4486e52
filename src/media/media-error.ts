import { ExternalError } from '../errors.js';
import { redactAssignments } from '../secrets/redact-text.js';

/**
 * Stable codes for every failure of a media-service call (checks branch on them):
 * `refused` (connection refused / closed port), `timeout` (no answer in time), `dns` (name not
 * found), `tls` (certificate or handshake), `unreachable` (other network failure: reset, no route),
 * `aborted` (the caller's signal), `unauthorized` (401/403: wrong or missing key), `http-error`
 * (any other non-2xx), `bad-response` (not JSON, or not the expected shape).
 */
export type MediaErrorCode =
  | 'refused' | 'timeout' | 'dns' | 'tls' | 'unreachable' | 'aborted' | 'unauthorized' | 'http-error' | 'bad-response';

/** Where a failed call went; never holds a key or token. */
export interface MediaCallSite {
  readonly service: string;
  readonly method: string;
  readonly path: string;
  /** `host:port` of the base URL. */
  readonly host: string;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|EPROTO$|ERR_OSSL)/;

function errorCodeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Maps a thrown fetch error (undici wraps the socket error in `cause`) to a stable code. */
export function classifyNetworkError(error: unknown): MediaErrorCode {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  if (error instanceof Error && error.name === 'AbortError') return 'aborted';
  const code = errorCodeOf(error) ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'timeout';
  if (DNS.has(code)) return 'dns';
  if (TLS.test(code)) return 'tls';
  return 'unreachable';
}

const MESSAGES: Record<MediaErrorCode, (s: MediaCallSite, timeoutMs: number) => string> = {
  refused: (s) => `${s.service} refused the connection at ${s.host} (is it running and listening on that port?).`,
  timeout: (s, ms) => `${s.service} at ${s.host} did not answer within ${ms} ms.`,
  dns: (s) => `${s.service}: the host name in ${s.host} does not resolve.`,
  tls: (s) => `${s.service} at ${s.host}: TLS handshake or certificate failed.`,
  unreachable: (s) => `${s.service} at ${s.host} is unreachable.`,
  aborted: (s) => `${s.service} call ${s.method} ${s.path} was cancelled.`,
  unauthorized: (s) => `${s.service} rejected the credentials (HTTP 401/403 on ${s.method} ${s.path}).`,
  'http-error': (s) => `${s.service} failed on ${s.method} ${s.path}.`,
  'bad-response': (s) => `${s.service} sent an unexpected response to ${s.method} ${s.path}.`,
};

/**
 * Masks credentials that servers echo in messages (`…/api?t=caps&apikey=abc`, `X-Plex-Token=…`), so
 * server text can be shown in chat.
 */
export function scrubSecrets(text: string): string {
  return redactAssignments(text, '(removed)');
}

/** A network failure as an ExternalError with a stable code (the cause is kept for logs). */
export function networkError(site: MediaCallSite, error: unknown, timeoutMs: number): ExternalError {
  const code = classifyNetworkError(error);
  return new ExternalError(code, MESSAGES[code](site, timeoutMs), {
    context: { ...site }, cause: error, retryable: code !== 'aborted' && code !== 'tls' && code !== 'dns',
  });
}

/** A failure decided from the reply (status or body). */
export function replyError(
  site: MediaCallSite, code: 'unauthorized' | 'http-error' | 'bad-response', extra: { status: number; detail?: string },
): ExternalError {
  const detail = extra.detail === undefined ? '' : ` ${extra.detail}`;
  const status = code === 'http-error' ? ` (HTTP ${extra.status})` : '';
  return new ExternalError(code, `${MESSAGES[code](site, 0).replace(/\.$/, '')}${status}.${detail}`, {
    context: { ...site, status: extra.status }, retryable: code === 'http-error' && extra.status >= 500,
  });
}
