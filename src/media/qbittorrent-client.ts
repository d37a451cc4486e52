import type { z } from 'zod';
import { failureText, safeHost, ServiceCallError } from './network-failure.js';
import { loginQbt, sendQbt, type QbittorrentHttpOptions, type QbtCall, type QbtReply } from './qbittorrent-http.js';
import {
  qbtCategoriesSchema, qbtPreferencesSchema, qbtTorrentSchema, qbtTransferInfoSchema,
  type QbtCategories, type QbtPreferences, type QbtTorrent, type QbtTransferInfo,
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
 * qBittorrent WebUI API v2 with a cookie session: logs in on first use and again once when a
 * call answers 403 (session expired). Errors are `ServiceCallError`s (`qbittorrent-<failure>`).
 */
export interface QbittorrentClient {
  /** `app/version`, e.g. `v4.5.2`. */
  version(signal?: AbortSignal): Promise<string>;
  /** `app/webapiVersion`, e.g. `2.8.19`. */
  webapiVersion(signal?: AbortSignal): Promise<string>;
  preferences(signal?: AbortSignal): Promise<QbtPreferences>;
  categories(signal?: AbortSignal): Promise<QbtCategories>;
  transferInfo(signal?: AbortSignal): Promise<QbtTransferInfo>;
  torrents(filter?: { readonly category?: string; readonly hashes?: readonly string[] }, signal?: AbortSignal): Promise<QbtTorrent[]>;
  /** `torrents/add`; resolves when qBittorrent accepted at least one torrent. */
  addTorrent(input: QbtAddTorrent, signal?: AbortSignal): Promise<void>;
  /** `torrents/delete` (used by `/e2e` cleanup); `deleteFiles` also removes the downloaded data. */
  deleteTorrents(hashes: readonly string[], deleteFiles: boolean, signal?: AbortSignal): Promise<void>;
}

function toForm(input: QbtAddTorrent): FormData {
  const form = new FormData();
  if (input.urls !== undefined) form.set('urls', input.urls.join('\n'));
  if (input.torrent !== undefined) form.set('torrents', new Blob([input.torrent.data.slice()], { type: 'application/x-bittorrent' }), input.torrent.name);
  if (input.category !== undefined) form.set('category', input.category);
  if (input.savePath !== undefined) form.set('savepath', input.savePath);
  if (input.stopped !== undefined) {
    form.set('stopped', String(input.stopped));
    form.set('paused', String(input.stopped));
  }
  return form;
}

export function createQbittorrentClient(options: QbittorrentHttpOptions): QbittorrentClient {
  let sid: string | undefined;
  let pending: Promise<string> | undefined;
  const login = (signal?: AbortSignal): Promise<string> => {
    const attempt = loginQbt(options, signal).finally(() => {
      if (pending === attempt) pending = undefined;
    });
    pending = attempt;
    return attempt;
  };
  // Concurrent first calls (the checks of one /health run) share one login, so a wrong password costs one
  // failed attempt towards qBittorrent's IP ban, not one per call. Another caller's abort is not ours: log in again.
  const session = async (signal?: AbortSignal): Promise<string> => {
    if (sid !== undefined) return sid;
    const shared = pending;
    if (shared === undefined) return (sid = await login(signal));
    try {
      return (sid = await shared);
    } catch (error) {
      if ((error instanceof ServiceCallError && error.failure !== 'aborted') || signal?.aborted === true) throw error;
      return (sid = await login(signal));
    }
  };
  const call = async (c: QbtCall): Promise<QbtReply> => {
    const first = await sendQbt(options, c, await session(c.signal));
    if (first.status !== 403) return first;
    sid = await login(c.signal);
    return sendQbt(options, c, sid);
  };
  const expectOk = (reply: QbtReply, path: string): QbtReply => {
    if (reply.status === 403 || reply.status === 401) {
      throw new ServiceCallError('qbittorrent', 'unauthorized', `qBittorrent answered ${reply.status} to ${path} after a fresh login.`, { retryable: false });
    }
    if (reply.status < 200 || reply.status > 299) {
      throw new ServiceCallError('qbittorrent', 'http-error', `qBittorrent answered HTTP ${reply.status} to ${path}.`, { context: { status: reply.status } });
    }
    return reply;
  };
  const json = async <S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal, params?: Record<string, string>): Promise<z.infer<S>> => {
    const reply = expectOk(await call({ method: 'GET', path, signal, ...(params === undefined ? {} : { params }) }), path);
    let body: unknown;
    try { body = JSON.parse(reply.text); } catch { body = undefined; }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ServiceCallError('qbittorrent', 'bad-response', failureText('bad-response', { service: 'qBittorrent', method: 'GET', path, host: safeHost(options.url) }), {
        context: { path, issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) },
      });
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
    torrents: (filter = {}, signal) => json('torrents/info', qbtTorrentSchema.array(), signal, {
      ...(filter.category === undefined ? {} : { category: filter.category }),
      ...(filter.hashes === undefined ? {} : { hashes: filter.hashes.map((h) => h.toLowerCase()).join('|') }),
    }),
    addTorrent: async (input, signal) => {
      const reply = expectOk(await call({ method: 'POST', path: 'torrents/add', form: toForm(input), signal }), 'torrents/add');
      if (reply.text.trim() === 'Fails.') {
        throw new ServiceCallError('qbittorrent', 'http-error', 'qBittorrent accepted none of the torrents (Fails.).', { retryable: false });
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
