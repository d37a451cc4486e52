import type { z } from 'zod';
import { failureText, safeHost, ServiceCallError } from './network-failure.js';
import { loginQbt, sendQbt, type QbittorrentHttpOptions, type QbtCall, type QbtReply } from './qbittorrent-http.js';
import {
  memoryLoginGate,
  qbtLoginFingerprint,
  qbtRefusalTtlMs,
  type QbtLoginGate,
  type QbtRefusal,
} from './qbittorrent-login-gate.js';
import {
  qbtCategoriesSchema,
  qbtPreferencesSchema,
  qbtTorrentSchema,
  qbtTransferInfoSchema,
  type QbtCategories,
  type QbtPreferences,
  type QbtTorrent,
  type QbtTransferInfo,
} from './qbittorrent-schemas.js';

export type { QbittorrentHttpOptions } from './qbittorrent-http.js';

/** What `torrents/add` takes (subset); `stopped` is sent as both `stopped` (5.x) and `paused` (4.x). */
export interface QbtAddTorrent {
  readonly urls?: readonly string[];
  readonly torrent?: { readonly name: string; readonly data: Uint8Array };
  readonly category?: string;
  readonly savePath?: string;
  readonly stopped?: boolean;
}

/**
 * qBittorrent WebUI API v2 with a cookie session: logs in on first use, and again when a call
 * answers 403 after an accepted login (session expired). Errors are `ServiceCallError`s (`qbittorrent-<failure>`).
 */
export interface QbittorrentClient {
  /** `app/version`, e.g. `v4.5.2`. */
  version(signal?: AbortSignal): Promise<string>;
  /** `app/webapiVersion`, e.g. `2.8.19`. */
  webapiVersion(signal?: AbortSignal): Promise<string>;
  preferences(signal?: AbortSignal): Promise<QbtPreferences>;
  categories(signal?: AbortSignal): Promise<QbtCategories>;
  transferInfo(signal?: AbortSignal): Promise<QbtTransferInfo>;
  torrents(
    filter?: { readonly category?: string; readonly hashes?: readonly string[] },
    signal?: AbortSignal,
  ): Promise<QbtTorrent[]>;
  /** `torrents/add`; resolves when qBittorrent accepted at least one torrent. */
  addTorrent(input: QbtAddTorrent, signal?: AbortSignal): Promise<void>;
  /** `torrents/delete` (used by `/e2e` cleanup); `deleteFiles` also removes the downloaded data. */
  deleteTorrents(hashes: readonly string[], deleteFiles: boolean, signal?: AbortSignal): Promise<void>;
}

function toForm(input: QbtAddTorrent): FormData {
  const form = new FormData();
  if (input.urls !== undefined) form.set('urls', input.urls.join('\n'));
  if (input.torrent !== undefined)
    form.set(
      'torrents',
      new Blob([input.torrent.data.slice()], { type: 'application/x-bittorrent' }),
      input.torrent.name,
    );
  if (input.category !== undefined) form.set('category', input.category);
  if (input.savePath !== undefined) form.set('savepath', input.savePath);
  if (input.stopped !== undefined) {
    form.set('stopped', String(input.stopped));
    form.set('paused', String(input.stopped));
  }
  return form;
}

/** The client's options: the HTTP ones plus where refused logins are remembered (default: this process only). */
export interface QbittorrentClientOptions extends QbittorrentHttpOptions {
  readonly gate?: QbtLoginGate;
  readonly now?: () => number;
}

/** The "login refused" error; `remembered` when the bot did not even try because of an earlier refusal. */
function refusedError(
  options: QbittorrentClientOptions,
  refusal: QbtRefusal,
  reply: { remembered: boolean; text?: string },
): ServiceCallError {
  const answered =
    refusal.status === 200
      ? `Fails. for user "${options.username}"`
      : `HTTP ${refusal.status}${reply.text === undefined || reply.text === '' ? '' : `: ${reply.text.slice(0, 120)}`}`;
  const csrf =
    refusal.status === 401 && options.referer !== undefined
      ? ' (with media.qbittorrent.referer set, a Referer that does not match the Host qBittorrent sees is refused with 401 too)'
      : '';
  const until = new Date(refusal.at + qbtRefusalTtlMs).toISOString().slice(11, 16);
  const held = reply.remembered
    ? ` Not tried again: the last login was refused (${answered}); the bot waits until media.qbittorrent changes or ${until} UTC, so qBittorrent does not ban its IP.`
    : ` It answered ${answered}${csrf}. The bot will not try again until media.qbittorrent changes or ${until} UTC.`;
  return new ServiceCallError(
    'qbittorrent',
    'unauthorized',
    `qBittorrent login refused: wrong credentials, or the bot's IP is banned after failed logins — see qBittorrent's WebUI\\BanDuration.${held}`,
    {
      context: { status: refusal.status, banned: refusal.status === 403, remembered: reply.remembered },
      retryable: false,
    },
  );
}

/**
 * At most one login attempt per client (one /health run, one /e2e process) and none at all while a
 * refusal for the same URL, user and password is remembered in the gate (an hour): a wrong password
 * must not count towards qBittorrent's IP ban (5 failures → banned for WebUI\BanDuration).
 */
export function createQbittorrentClient(options: QbittorrentClientOptions): QbittorrentClient {
  const gate = options.gate ?? memoryLoginGate();
  const now = options.now ?? Date.now;
  const fingerprint = qbtLoginFingerprint(options);
  let session: string | undefined;
  let pending: Promise<string> | undefined;
  let accepted = false;
  const attempt = async (): Promise<string> => {
    const known = await gate.refusal(fingerprint);
    if (known !== undefined) throw refusedError(options, known, { remembered: true });
    // Not under any caller's signal: concurrent callers share this one attempt.
    const outcome = await loginQbt(options);
    if (outcome.ok) {
      accepted = true;
      await gate.clear(fingerprint);
      return outcome.session;
    }
    const refusal: QbtRefusal = { status: outcome.status, at: now() };
    await gate.recordRefusal(fingerprint, refusal);
    throw refusedError(options, refusal, { remembered: false, text: outcome.text });
  };
  const login = (): Promise<string> =>
    (pending ??= attempt().finally(() => {
      pending = undefined;
    }));
  const call = async (c: QbtCall): Promise<QbtReply> => {
    session ??= await login();
    const first = await sendQbt(options, c, session);
    // 403 after a session: it expired (or qBittorrent restarted). Log in again only with credentials it accepted.
    if (first.status !== 403 || !accepted) return first;
    session = undefined;
    session = await login();
    return sendQbt(options, c, session);
  };
  const expectOk = (reply: QbtReply, path: string): QbtReply => {
    if (reply.status === 403 || reply.status === 401) {
      throw new ServiceCallError(
        'qbittorrent',
        'unauthorized',
        `qBittorrent answered ${reply.status} to ${path} after a fresh login.`,
        { retryable: false },
      );
    }
    if (reply.status < 200 || reply.status > 299) {
      throw new ServiceCallError('qbittorrent', 'http-error', `qBittorrent answered HTTP ${reply.status} to ${path}.`, {
        context: { status: reply.status },
      });
    }
    return reply;
  };
  const json = async <S extends z.ZodType>(
    path: string,
    schema: S,
    signal?: AbortSignal,
    params?: Record<string, string>,
  ): Promise<z.infer<S>> => {
    const reply = expectOk(
      await call({ method: 'GET', path, signal, ...(params === undefined ? {} : { params }) }),
      path,
    );
    let body: unknown;
    try {
      body = JSON.parse(reply.text);
    } catch {
      body = undefined;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ServiceCallError(
        'qbittorrent',
        'bad-response',
        failureText('bad-response', { service: 'qBittorrent', method: 'GET', path, host: safeHost(options.url) }),
        {
          context: { path, issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) },
        },
      );
    }
    return parsed.data;
  };
  const text = async (path: string, signal?: AbortSignal): Promise<string> =>
    expectOk(await call({ method: 'GET', path, signal }), path).text.trim();

  return {
    version: (signal) => text('app/version', signal),
    webapiVersion: (signal) => text('app/webapiVersion', signal),
    preferences: (signal) => json('app/preferences', qbtPreferencesSchema, signal),
    categories: (signal) => json('torrents/categories', qbtCategoriesSchema, signal),
    transferInfo: (signal) => json('transfer/info', qbtTransferInfoSchema, signal),
    torrents: (filter = {}, signal) =>
      json('torrents/info', qbtTorrentSchema.array(), signal, {
        ...(filter.category === undefined ? {} : { category: filter.category }),
        ...(filter.hashes === undefined ? {} : { hashes: filter.hashes.map((h) => h.toLowerCase()).join('|') }),
      }),
    addTorrent: async (input, signal) => {
      const reply = expectOk(
        await call({ method: 'POST', path: 'torrents/add', form: toForm(input), signal }),
        'torrents/add',
      );
      if (reply.text.trim() === 'Fails.') {
        throw new ServiceCallError('qbittorrent', 'http-error', 'qBittorrent accepted none of the torrents (Fails.).', {
          retryable: false,
        });
      }
    },
    deleteTorrents: async (hashes, deleteFiles, signal) => {
      const form = new FormData();
      form.set('hashes', hashes.map((h) => h.toLowerCase()).join('|'));
      form.set('deleteFiles', String(deleteFiles));
      expectOk(await call({ method: 'POST', path: 'torrents/delete', form, signal }), 'torrents/delete');
    },
  };
}
