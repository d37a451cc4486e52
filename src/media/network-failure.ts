import { ExternalError, type AppErrorOptions } from '../errors.js';

/**
 * Why a call to a media service failed, as a stable code (checks, /e2e and the request flow branch on it):
 * `refused` (nothing listening), `timeout` (no answer in time), `dns` (name not found), `tls`
 * (certificate or handshake), `unreachable` (any other network failure: reset, no route),
 * `aborted` (the caller's signal), `unauthorized` (401/403, or qBittorrent's `Fails.`),
 * `http-error` (any other non-2xx), `bad-response` (not JSON, or not the expected shape).
 */
export type FailureCode =
  'refused' | 'timeout' | 'dns' | 'tls' | 'unreachable' | 'aborted' | 'unauthorized' | 'http-error' | 'bad-response';

/** Where a failed call went; never holds a key, token or password. */
export interface MediaCallSite {
  /** Display name, e.g. `Radarr`. */
  readonly service: string;
  readonly method: string;
  readonly path: string;
  /** `host:port` of the base URL. */
  readonly host: string;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA']);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|EPROTO$|ERR_OSSL)/;

function errorCodeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * The one classifier of a thrown `fetch` error (undici wraps the socket error in `cause`). Only
 * ECONNREFUSED is `refused`; a reset or missing route is `unreachable` (something answered, or
 * the path is broken), so the fix suggested differs.
 */
export function classifyNetworkError(error: unknown): FailureCode {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  if (error instanceof Error && error.name === 'AbortError') return 'aborted';
  const code = errorCodeOf(error) ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (TIMEOUT.has(code)) return 'timeout';
  if (DNS.has(code)) return 'dns';
  if (TLS.test(code)) return 'tls';
  return 'unreachable';
}

const MESSAGES: Readonly<Record<FailureCode, (s: MediaCallSite, timeoutMs: number) => string>> = {
  refused: (s) =>
    `${s.service} is unreachable: ${s.host} refused the connection (nothing listening, or the container is down).`,
  timeout: (s, ms) => `${s.service} at ${s.host} did not answer within ${ms} ms (hung, or a firewall drops packets).`,
  dns: (s) => `The host name of ${s.service} (${s.host}) does not resolve.`,
  tls: (s) => `TLS to ${s.service} at ${s.host} failed (certificate, or https against a plain-http port).`,
  unreachable: (s) => `${s.service} is unreachable at ${s.host} (connection reset or no route).`,
  aborted: (s) => `${s.service} call ${s.method} ${s.path} was cancelled.`,
  unauthorized: (s) => `${s.service} rejected the credentials (HTTP 401/403 on ${s.method} ${s.path}).`,
  'http-error': (s) => `${s.service} failed on ${s.method} ${s.path}.`,
  'bad-response': (s) => `${s.service} sent an unexpected response to ${s.method} ${s.path}.`,
};

/** One sentence for a failure code, naming the service and where it was tried. */
export function failureText(code: FailureCode, site: MediaCallSite, timeoutMs = 0): string {
  return MESSAGES[code](site, timeoutMs);
}

/** `host:port` of a URL, never its path, query or user info. */
export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}

const RETRYABLE: ReadonlySet<FailureCode> = new Set(['refused', 'timeout', 'unreachable']);

/**
 * The one error shape of every media-service call: code `<service>-<failure>` (e.g.
 * `qbittorrent-refused`, `radarr-http-error`), `service` the lowercase id, `failure` the bare code.
 * Context holds the call site (service, method, path, host) and the status when there was one.
 */
export class ServiceCallError extends ExternalError {
  readonly failure: FailureCode;
  readonly service: string;

  constructor(service: string, failure: FailureCode, message: string, options: AppErrorOptions = {}) {
    super(`${service}-${failure}`, message, { retryable: RETRYABLE.has(failure), ...options });
    this.failure = failure;
    this.service = service;
  }
}

/** The lowercase id of a display name (`qBittorrent` → `qbittorrent`). */
export const serviceId = (display: string): string => display.toLowerCase();

/** A thrown fetch error as a ServiceCallError (the cause is kept for logs, the message names no secret). */
export function networkError(site: MediaCallSite, error: unknown, timeoutMs: number): ServiceCallError {
  const failure = classifyNetworkError(error);
  return new ServiceCallError(serviceId(site.service), failure, failureText(failure, site, timeoutMs), {
    context: { ...site },
    cause: error,
  });
}

/** A failure decided from the reply (status or body); `detail` is appended (server text, already scrubbed). */
export function replyError(
  site: MediaCallSite,
  failure: 'unauthorized' | 'http-error' | 'bad-response',
  extra: { status: number; detail?: string },
): ServiceCallError {
  const detail = extra.detail === undefined ? '' : ` ${extra.detail}`;
  const status = failure === 'http-error' ? ` (HTTP ${extra.status})` : '';
  return new ServiceCallError(
    serviceId(site.service),
    failure,
    `${failureText(failure, site).replace(/\.$/, '')}${status}.${detail}`,
    {
      context: { ...site, status: extra.status },
      retryable: failure === 'http-error' && extra.status >= 500,
    },
  );
}
