import { ExternalError, type AppErrorOptions } from '../errors.js';

/**
 * Why an HTTP call to a media service failed, as a stable code. `unauthorized` covers 401/403
 * and qBittorrent's `Fails.`; `http-error` any other non-2xx; `bad-response` a body we cannot read.
 */
export type FailureCode = 'refused' | 'timeout' | 'dns' | 'tls' | 'unauthorized' | 'http-error' | 'bad-response';

const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'ENODATA']);
const timeoutCodes = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth += 1) {
    const { code, name } = e as { code?: unknown; name?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (typeof name === 'string') codes.push(name);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

const isTls = (code: string): boolean =>
  code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT') || code === 'EPROTO'
  || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'SELF_SIGNED_CERT_IN_CHAIN';

/** Classifies a thrown `fetch` error (undici puts the system error code in `cause`). */
export function toFailureCode(error: unknown): FailureCode {
  const codes = causeCodes(error);
  if (codes.some((c) => c === 'TimeoutError' || timeoutCodes.has(c))) return 'timeout';
  if (codes.some((c) => dnsCodes.has(c))) return 'dns';
  if (codes.some(isTls)) return 'tls';
  // ECONNREFUSED, ECONNRESET, EHOSTUNREACH, ENETUNREACH, EPIPE, UND_ERR_SOCKET and anything unknown.
  return 'refused';
}

/** One sentence per failure code, naming the service and where it was tried. */
export function failureText(code: FailureCode, service: string, url: string, timeoutMs: number): string {
  const host = safeHost(url);
  switch (code) {
    case 'refused': return `${service} at ${host} refused the connection (nothing listening, or the container is down).`;
    case 'timeout': return `${service} at ${host} did not answer within ${timeoutMs} ms (hung, or a firewall drops packets).`;
    case 'dns': return `The host name of ${service} (${host}) does not resolve.`;
    case 'tls': return `TLS to ${service} at ${host} failed (certificate, or https against a plain-http port).`;
    case 'unauthorized': return `${service} rejected the credentials.`;
    case 'http-error': return `${service} at ${host} answered with an HTTP error.`;
    case 'bad-response': return `${service} at ${host} sent a response the bot cannot read (wrong URL or an unexpected version?).`;
  }
}

/** `host:port` of a URL, never its path, query or user info. */
export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}

/** A failed call to a media service; `code` is `<service>-<failure>` (e.g. `qbittorrent-refused`). */
export class ServiceCallError extends ExternalError {
  readonly failure: FailureCode;
  readonly service: string;

  constructor(service: string, failure: FailureCode, message: string, options: AppErrorOptions = {}) {
    super(`${service}-${failure}`, message, { retryable: failure !== 'unauthorized' && failure !== 'bad-response', ...options });
    this.failure = failure;
    this.service = service;
  }
}
