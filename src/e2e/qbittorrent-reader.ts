import { createQbittorrentClient, type QbittorrentClientOptions } from '../media/qbittorrent-client.js';
import type { QbtCategories, QbtTorrent } from '../media/qbittorrent-schemas.js';

/** The qBittorrent reads and writes `/e2e` needs, over the shared client (one login, reused). */
export interface QbittorrentReader {
  torrent(hash: string): Promise<QbtTorrent | undefined>;
  categories(): Promise<QbtCategories>;
  defaultSavePath(): Promise<string>;
  deleteTorrent(hash: string): Promise<void>;
}

export function qbittorrentReader(options: QbittorrentClientOptions): QbittorrentReader {
  const client = createQbittorrentClient(options);
  return {
    torrent: async (hash) => (await client.torrents({ hashes: [hash] }))[0],
    categories: () => client.categories(),
    defaultSavePath: async () => (await client.preferences()).save_path,
    deleteTorrent: (hash) => client.deleteTorrents([hash], true),
  };
}
