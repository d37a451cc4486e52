import { ExternalError } from '../errors.js';
import { toQueryString } from './encode-query.js';

/** What every Overseerr call needs; the API key never leaves this module except as a header. */
export interface OverseerrHttpOptions {
  /** Base URL, e.g. `http://overseerr.lan:5055`; a trailing `/api/v1` is tolerated. */
  readonly url: string;
  readonly apiKey: string;
  /** Per-call timeout; the call fails with `overseerr-timeout` after it. */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/** One HTTP call to `/api/v1`. */
export interface OverseerrCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  /** Sent as `X-Api-User`, so Overseerr applies that user's permissions and quota. */
  readonly asUser?: number;
  readonly signal?: AbortSignal;
}

/** Status and parsed JSON body (undefined when the body is empty or not JSON). */
export interface OverseerrReply {
  readonly status: number;
  readonly body: unknown;
}

function buildUrl(base: string, call: OverseerrCall): string {
  const qs = call.query === undefined ? '' : toQueryString(call.query);
  return `${base.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}/api/v1${call.path}${qs === '' ? '' : `?${qs}`}`;
}

function buildHeaders(options: OverseerrHttpOptions, call: OverseerrCall): Record<string, string> {
  const headers: Record<string, string> = { 'X-Api-Key': options.apiKey, Accept: 'application/json' };
  if (call.asUser !== undefined) headers['X-Api-User'] = String(call.asUser);
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  return headers;
}

function toNetworkError(error: unknown, call: OverseerrCall, timeoutMs: number): ExternalError {
  const context = { method: call.method, path: call.path };
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ExternalError('overseerr-timeout', `Overseerr did not answer within ${timeoutMs} ms.`, { context, cause: error });
  }
  return new ExternalError('overseerr-unreachable', 'Overseerr is unreachable.', { context, cause: error });
}

/** Performs one call with a timeout (and the caller's signal); network failures become ExternalErrors. */
export async function callOverseerr(options: OverseerrHttpOptions, call: OverseerrCall): Promise<OverseerrReply> {
  const doFetch = options.fetch ?? fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = call.signal === undefined ? timeout : AbortSignal.any([timeout, call.signal]);
  try {
    const response = await doFetch(buildUrl(options.url, call), {
      method: call.method,
      headers: buildHeaders(options, call),
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      signal,
    });
    const text = await response.text();
    return { status: response.status, body: parseJson(text) };
  } catch (error) {
    throw toNetworkError(error, call, options.timeoutMs);
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
