import { failureText, ServiceCallError, toFailureCode } from './network-failure.js';

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
  readonly cookie: string | undefined;
}

const base = (url: string): string => url.replace(/\/+$/, '');

/**
 * Sends one request. `Referer` is the WebUI origin itself, which passes qBittorrent's CSRF check
 * whatever its setting (a missing Origin/Referer passes too, but some reverse proxies add one).
 */
export async function sendQbt(options: QbittorrentHttpOptions, call: QbtCall, sid: string | undefined): Promise<QbtReply> {
  const doFetch = options.fetch ?? fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = call.signal === undefined ? timeout : AbortSignal.any([timeout, call.signal]);
  const query = call.method === 'GET' && call.params !== undefined ? `?${new URLSearchParams(call.params).toString()}` : '';
  const headers: Record<string, string> = { Referer: `${new URL(options.url).origin}/` };
  if (sid !== undefined && sid !== '') headers['Cookie'] = sid;
  const body = call.form ?? (call.method === 'POST' && call.params !== undefined ? new URLSearchParams(call.params) : undefined);
  try {
    const response = await doFetch(`${base(options.url)}/api/v2/${call.path}${query}`, {
      method: call.method, headers, ...(body === undefined ? {} : { body }), signal,
    });
    const text = await response.text();
    const cookie = /(?:^|,\s*)(SID=[^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    return { status: response.status, text, cookie };
  } catch (error) {
    if (call.signal?.aborted === true && !timeout.aborted) throw error;
    const failure = toFailureCode(error);
    throw new ServiceCallError('qbittorrent', failure, failureText(failure, 'qBittorrent', options.url, options.timeoutMs), {
      context: { path: call.path }, cause: error,
    });
  }
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
