import { callMedia, type MediaTarget } from './media-http.js';
import { ServiceCallError } from './network-failure.js';

/** How to reach one qBittorrent WebUI. The password never leaves this module except in the login form. */
export interface QbittorrentHttpOptions {
  /** WebUI base URL, e.g. `http://gluetun.lan:8080`. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
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
  /** `NAME=value` of the session cookie the reply set, if any. */
  readonly cookie: string | undefined;
}

/** qBittorrent's `/api/v2` as a target of the shared media HTTP layer. */
function qbtTarget(options: QbittorrentHttpOptions): MediaTarget {
  return {
    service: 'qBittorrent', url: `${options.url.replace(/\/+$/, '')}/api/v2`, timeoutMs: options.timeoutMs,
    headers: { Referer: `${new URL(options.url).origin}/` }, ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
}

/** Sends one request over the shared media HTTP layer with the session cookie, if any. */
export async function sendQbt(options: QbittorrentHttpOptions, call: QbtCall, sid: string | undefined): Promise<QbtReply> {
  const params = call.params === undefined ? undefined : new URLSearchParams(call.params);
  const reply = await callMedia(qbtTarget(options), {
    method: call.method, path: `/${call.path}`, signal: call.signal,
    ...(call.method === 'GET' && call.params !== undefined ? { query: call.params } : {}),
    ...(call.form !== undefined ? { form: call.form } : call.method === 'POST' && params !== undefined ? { form: params } : {}),
    ...(sid !== undefined && sid !== '' ? { headers: { Cookie: sid } } : {}),
  });
  const cookie = /(?:^|,\s*)(SID=[^;]+)/.exec(reply.headers.get('set-cookie') ?? '')?.[1];
  return { status: reply.status, text: reply.text, cookie };
}

/** `auth/login`: the SID cookie, or a `qbittorrent-unauthorized` error (`Fails.`, 401, or banned 403). */
export async function loginQbt(options: QbittorrentHttpOptions, signal?: AbortSignal): Promise<string> {
  const reply = await sendQbt(options, {
    method: 'POST', path: 'auth/login', params: { username: options.username, password: options.password }, signal,
  }, undefined);
  // No cookie with `Ok.` happens when the bot is inside an auth-bypass subnet: no session needed.
  if (reply.status === 200 && reply.text.trim() === 'Ok.') return reply.cookie ?? '';
  const banned = reply.status === 403;
  const message = banned
    ? 'qBittorrent has banned the bot\'s IP after too many failed logins (web_ui_ban_duration, default 1 h).'
    : `qBittorrent refused the login for user "${options.username}" (${reply.status === 200 ? 'Fails.' : `HTTP ${reply.status}`}).`;
  throw new ServiceCallError('qbittorrent', 'unauthorized', message, { context: { status: reply.status, banned }, retryable: false });
}
