import { callMedia, type MediaTarget } from './media-http.js';

/** How to reach one qBittorrent WebUI. The password never leaves this module except in the login form. */
export interface QbittorrentHttpOptions {
  /** WebUI base URL, e.g. `http://gluetun.lan:8080`. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Sent as `Referer` when set; otherwise no Referer/Origin is sent (see {@link qbtTarget}). */
  readonly referer?: string | undefined;
  /** Per-call timeout; a call fails with `qbittorrent-timeout` after it. */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/** One WebUI API call: `scope/action` under `/api/v2`; GET params in the query, POST params as a form. */
export interface QbtCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly form?: FormData;
  readonly signal?: AbortSignal | undefined;
}

export interface QbtReply {
  readonly status: number;
  readonly text: string;
  /** The `name=value` pairs the reply set (qBittorrent's session cookie is `SID` unless renamed), joined for a `Cookie` header. */
  readonly cookie: string | undefined;
}

/**
 * qBittorrent's `/api/v2` as a target of the shared media HTTP layer. No `Referer`/`Origin` by
 * default: qBittorrent's CSRF check lets a request without both through, while a Referer naming the
 * proxy's host fails (401) behind a reverse proxy that rewrites `Host` (nginx's default).
 */
function qbtTarget(options: QbittorrentHttpOptions): MediaTarget {
  return {
    service: 'qBittorrent',
    url: `${options.url.replace(/\/+$/, '')}/api/v2`,
    timeoutMs: options.timeoutMs,
    headers: options.referer === undefined ? {} : { Referer: options.referer },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
}

/** Every `name=value` a reply sets (attributes dropped), or undefined when it sets none. */
function cookiesOf(headers: Headers): string | undefined {
  const pairs = headers
    .getSetCookie()
    .map((c) => c.split(';')[0]?.trim() ?? '')
    .filter((p) => /^[^=\s]+=/.test(p));
  return pairs.length === 0 ? undefined : pairs.join('; ');
}

/** Sends one request over the shared media HTTP layer with the session cookie, if any. */
export async function sendQbt(
  options: QbittorrentHttpOptions,
  call: QbtCall,
  session: string | undefined,
): Promise<QbtReply> {
  const params = call.params === undefined ? undefined : new URLSearchParams(call.params);
  const reply = await callMedia(qbtTarget(options), {
    method: call.method,
    path: `/${call.path}`,
    signal: call.signal,
    ...(call.method === 'GET' && call.params !== undefined ? { query: call.params } : {}),
    ...(call.form !== undefined
      ? { form: call.form }
      : call.method === 'POST' && params !== undefined
        ? { form: params }
        : {}),
    ...(session !== undefined && session !== '' ? { headers: { Cookie: session } } : {}),
  });
  return { status: reply.status, text: reply.text, cookie: cookiesOf(reply.headers) };
}

/** The outcome of one `auth/login`: the session cookie(s), or the refusal (`Fails.`, 401, or 403 when banned). */
export type QbtLogin =
  | { readonly ok: true; readonly session: string }
  | { readonly ok: false; readonly status: number; readonly text: string };

/** `auth/login`; network failures throw, a refusal is a value (the caller remembers it). */
export async function loginQbt(options: QbittorrentHttpOptions, signal?: AbortSignal): Promise<QbtLogin> {
  const reply = await sendQbt(
    options,
    {
      method: 'POST',
      path: 'auth/login',
      params: { username: options.username, password: options.password },
      signal,
    },
    undefined,
  );
  // No cookie with `Ok.` happens when the bot is inside an auth-bypass subnet: no session needed.
  if (reply.status === 200 && reply.text.trim() === 'Ok.') return { ok: true, session: reply.cookie ?? '' };
  return { ok: false, status: reply.status, text: reply.text.trim() };
}
