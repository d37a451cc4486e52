import { z } from 'zod';
import { ExternalError } from '../errors.js';
import { getOk, httpJson, type HttpTarget } from './http-json.js';

const torrentSchema = z.looseObject({
  hash: z.string(),
  name: z.string(),
  state: z.string(),
  progress: z.number(),
  category: z.string(),
  save_path: z.string(),
  content_path: z.string().optional(),
});
export type QbTorrent = z.infer<typeof torrentSchema>;

const categoriesSchema = z.record(z.string(), z.looseObject({ name: z.string(), savePath: z.string().optional() }));
const prefsSchema = z.looseObject({ save_path: z.string() });

/** The qBittorrent Web API v2 reads and writes `/e2e` needs. */
export interface QbittorrentReader {
  torrent(hash: string): Promise<QbTorrent | undefined>;
  categories(): Promise<z.infer<typeof categoriesSchema>>;
  defaultSavePath(): Promise<string>;
  deleteTorrent(hash: string): Promise<void>;
}

/** Logs in once (cookie `SID`) and reuses the session; the password is only sent to `auth/login`. */
export function qbittorrentReader(url: string, username: string, password: string, timeoutMs: number): QbittorrentReader {
  const base = `${url.replace(/\/+$/, '')}/api/v2`;
  let session: Promise<HttpTarget> | undefined;
  const login = async (): Promise<HttpTarget> => {
    const anonymous: HttpTarget = { service: 'qBittorrent', baseUrl: base, headers: {}, timeoutMs };
    const reply = await httpJson(anonymous, '/auth/login', { method: 'POST', form: { username, password } });
    const cookie = reply.headers.get('set-cookie')?.split(';')[0];
    if (reply.status !== 200 || reply.body !== 'Ok.' || cookie === undefined) {
      throw new ExternalError('qbittorrent-login', `qBittorrent refused the login (HTTP ${reply.status}): check media.qbittorrent.username/password.`, { retryable: false });
    }
    return { ...anonymous, headers: { Cookie: cookie } };
  };
  const target = (): Promise<HttpTarget> => (session ??= login());
  return {
    torrent: async (hash) => z.array(torrentSchema).parse(await getOk(await target(), '/torrents/info', { query: { hashes: hash.toLowerCase() } }))[0],
    categories: async () => categoriesSchema.parse(await getOk(await target(), '/torrents/categories')),
    defaultSavePath: async () => prefsSchema.parse(await getOk(await target(), '/app/preferences')).save_path,
    deleteTorrent: async (hash) => {
      await getOk(await target(), '/torrents/delete', { method: 'POST', form: { hashes: hash.toLowerCase(), deleteFiles: 'true' } });
    },
  };
}
