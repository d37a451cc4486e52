/** The few qBittorrent Web API calls the lab glue makes (as Radarr would), with its own session. */
export interface QbAdmin {
  createCategory(name: string, savePath: string): Promise<void>;
  addTorrent(torrent: Buffer, options: { category: string; savePath: string }): Promise<void>;
  info(hash: string): Promise<{ state: string; progress: number; content_path: string } | undefined>;
}

export async function qbAdmin(url: string, username: string, password: string): Promise<QbAdmin> {
  const login = await fetch(`${url}/api/v2/auth/login`, {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const post = async (path: string, body: URLSearchParams | FormData) => {
    const res = await fetch(`${url}/api/v2${path}`, { method: 'POST', headers: { cookie }, body });
    const text = await res.text();
    if (!res.ok || text === 'Fails.') throw new Error(`qbittorrent ${path}: HTTP ${res.status} ${text}`);
  };
  return {
    createCategory: (name, savePath) =>
      post('/torrents/createCategory', new URLSearchParams({ category: name, savePath })),
    addTorrent: (torrent, { category, savePath }) => {
      const form = new FormData();
      form.append('torrents', new Blob([new Uint8Array(torrent)], { type: 'application/x-bittorrent' }), 'lab.torrent');
      form.append('category', category);
      form.append('savepath', savePath);
      form.append('autoTMM', 'false');
      return post('/torrents/add', form);
    },
    info: async (hash) => {
      const res = await fetch(`${url}/api/v2/torrents/info?hashes=${hash}`, { headers: { cookie } });
      const list = (await res.json()) as { state: string; progress: number; content_path: string }[];
      return list[0];
    },
  };
}
