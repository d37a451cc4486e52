import { bounded } from '../bounded/call-scope.js';
import { encodeQueryValue } from './encode-query.js';
import { networkError, type MediaCallSite } from './network-failure.js';

/**
 * One media service endpoint. Credentials go in `headers` and never into URLs or errors. This is
 * the one HTTP layer of every media service (Overseerr, Servarr apps, qBittorrent, Plex, Gluetun),
 * used by the clients, the health checks and /e2e alike.
 */
export interface MediaTarget {
  /** Display name used in error messages, e.g. `Radarr`; its lowercase form prefixes error codes. */
  readonly service: string;
  /** Base URL, e.g. `http://radarr.lan:7878` or `http://host/radarr` (a URL base). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Per-call timeout (connect + headers + body). */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/** One HTTP call relative to the base URL. */
export interface MediaCall {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  /** Arrays become repeated keys (`movieIds=1&movieIds=2`), as ASP.NET binds lists; undefined is left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | readonly number[] | undefined>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as a form instead (`application/x-www-form-urlencoded`, or multipart for FormData). */
  readonly form?: URLSearchParams | FormData;
  /** Per-call headers on top of the target's (e.g. Overseerr's `X-Api-User`, qBittorrent's cookie). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
}

/** Status, raw text, headers and the parsed JSON (`json` false when the body is empty or not JSON). */
export interface MediaReply {
  readonly status: number;
  readonly text: string;
  readonly json: boolean;
  readonly body: unknown;
  readonly headers: Headers;
  readonly site: MediaCallSite;
}

function siteOf(target: MediaTarget, call: MediaCall): MediaCallSite {
  let host = target.url;
  try {
    host = new URL(target.url).host;
  } catch {
    // An invalid URL is reported by fetch below; keep the raw text for the message.
  }
  return { service: target.service, method: call.method, path: call.path, host };
}

function toQuery(query: NonNullable<MediaCall['query']>): string {
  return Object.entries(query)
    .flatMap(([key, value]) =>
      value === undefined
        ? []
        : (Array.isArray(value) ? value : [value]).map(
            (v) => `${encodeQueryValue(key)}=${encodeQueryValue(String(v))}`,
          ),
    )
    .join('&');
}

function parse(text: string): { json: boolean; body: unknown } {
  if (text.trim() === '') return { json: false, body: undefined };
  try {
    return { json: true, body: JSON.parse(text) as unknown };
  } catch {
    return { json: false, body: undefined };
  }
}

function requestInit(target: MediaTarget, call: MediaCall, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json', ...target.headers, ...call.headers };
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  const body = call.body !== undefined ? JSON.stringify(call.body) : call.form;
  return { method: call.method, headers, signal, ...(body === undefined ? {} : { body }) };
}

/**
 * Performs one call under a timeout and the caller's signal. Any HTTP status is returned for the
 * caller to judge; every fetch failure becomes a `ServiceCallError` (`<service>-refused|timeout|…`).
 */
export function callMedia(target: MediaTarget, call: MediaCall): Promise<MediaReply> {
  const site = siteOf(target, call);
  // Listed as pending in the job's scope (named if the job runs out of time); the fetch's own timeout fires first.
  return bounded(
    {
      what: `${site.service} at ${site.host}`,
      timeoutMs: target.timeoutMs + 1_000,
      timeoutError: () => networkError(site, new DOMException('timed out', 'TimeoutError'), target.timeoutMs),
    },
    (scopeSignal) => callOnce(target, call, site, scopeSignal),
  );
}

async function callOnce(
  target: MediaTarget,
  call: MediaCall,
  site: MediaCallSite,
  scopeSignal: AbortSignal,
): Promise<MediaReply> {
  const timeout = AbortSignal.timeout(target.timeoutMs);
  const signal = AbortSignal.any([timeout, scopeSignal, ...(call.signal === undefined ? [] : [call.signal])]);
  const qs = toQuery(call.query ?? {});
  const url = `${target.url.replace(/\/+$/, '')}${call.path}${qs === '' ? '' : `?${qs}`}`;
  const attempt = async (): Promise<MediaReply> => {
    const response = await (target.fetch ?? fetch)(url, requestInit(target, call, signal));
    const text = await response.text();
    return { status: response.status, text, ...parse(text), headers: response.headers, site };
  };
  try {
    return await attempt().catch((error: unknown) => {
      // A pooled keep-alive socket the server closed meanwhile (restart, idle timeout): a GET is safe to send again.
      if (call.method === 'GET' && isStaleSocket(error) && !signal.aborted) return attempt();
      throw error;
    });
  } catch (error) {
    throw networkError(site, error, target.timeoutMs);
  }
}

function isStaleSocket(error: unknown): boolean {
  const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}
