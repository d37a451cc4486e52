import { mkdir } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQbittorrentClient, type QbittorrentClient } from '../../src/media/qbittorrent-client.js';
import { ServiceCallError } from '../../src/media/network-failure.js';
import { freePort } from '../../lab/lab-paths.js';
import { hasBinary, requireService } from '../../lab/require-service.js';
import { startQbittorrent, type LabQbittorrent } from '../../lab/qbittorrent.js';

const stateDir = '/tmp/hlb-lab/checks-qbt-client';

async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceCallError) return error.failure;
    throw error;
  }
  return 'no-error';
}

/** A bencoded single-file torrent (one piece), enough for qBittorrent to accept it. */
function tinyTorrent(name: string): Uint8Array {
  const pieces = 'x'.repeat(20);
  const info = `d6:lengthi1024e4:name${name.length}:${name}12:piece lengthi16384e6:pieces20:${pieces}e`;
  return new TextEncoder().encode(`d4:info${info}e`);
}

describe('qBittorrent client against the real qbittorrent-nox', () => {
  let qbt: LabQbittorrent;
  let client: QbittorrentClient;
  const requests: { url: string; cookie: string | undefined }[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    requests.push({
      url: input instanceof Request ? input.url : input.toString(),
      cookie: headers.get('cookie') ?? undefined,
    });
    return fetch(input, init);
  };

  beforeAll(async () => {
    await requireService('qbittorrent-nox', () => hasBinary('qbittorrent-nox'));
    await mkdir(`${stateDir}/pids`, { recursive: true });
    qbt = await startQbittorrent({ stateDir });
    client = createQbittorrentClient({
      url: qbt.url,
      username: qbt.username,
      password: qbt.password,
      timeoutMs: 3000,
      fetch: recordingFetch,
    });
  }, 60_000);
  afterAll(async () => {
    await (qbt as LabQbittorrent | undefined)?.stop();
  });

  it('logs in once and reads version, preferences, categories and transfer info', async () => {
    expect(await client.version()).toBe('v4.5.2');
    expect(await client.webapiVersion()).toMatch(/^2\.\d+\.\d+$/);
    const prefs = await client.preferences();
    expect(prefs.save_path.replace(/\/$/, '')).toBe(`${stateDir}/qbittorrent/downloads`);
    const info = await client.transferInfo();
    expect(['connected', 'firewalled', 'disconnected']).toContain(info.connection_status);
    expect(requests.filter((r) => r.url.endsWith('/auth/login'))).toHaveLength(1);
  });

  it('adds a stopped torrent into a new category and lists it by category', async () => {
    await client.addTorrent({
      torrent: { name: 'lab.torrent', data: tinyTorrent('lab-movie.mkv') },
      category: 'radarr',
      stopped: true,
    });
    const categories = await client.categories();
    expect(Object.keys(categories)).toContain('radarr');
    const listed = await client.torrents({ category: 'radarr' });
    expect(listed.map((t) => t.name)).toEqual(['lab-movie.mkv']);
    expect(await client.torrents({ category: 'tv-sonarr' })).toEqual([]);
  });

  it('logs in again when the session has ended', async () => {
    const sid = requests.findLast((r) => r.cookie !== undefined)?.cookie;
    expect(sid).toMatch(/^SID=/);
    const out = await fetch(`${qbt.url}/api/v2/auth/logout`, { method: 'POST', headers: { cookie: sid! } });
    expect(out.status).toBe(200);
    const logins = requests.filter((r) => r.url.endsWith('/auth/login')).length;
    expect(await client.version()).toBe('v4.5.2');
    expect(requests.filter((r) => r.url.endsWith('/auth/login'))).toHaveLength(logins + 1);
  });

  it('reports a wrong password as unauthorized without echoing the password', async () => {
    const bad = createQbittorrentClient({
      url: qbt.url,
      username: 'admin',
      password: 'wrong-secret-pw-7781',
      timeoutMs: 3000,
    });
    const error = await bad.version().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceCallError);
    expect((error as ServiceCallError).failure).toBe('unauthorized');
    expect((error as ServiceCallError).message).toContain('Fails.');
    expect(JSON.stringify({ m: (error as Error).message, c: (error as ServiceCallError).context })).not.toContain(
      'wrong-secret-pw-7781',
    );
  });

  it('passes the CSRF check once it is enabled, where a foreign Referer is refused', async () => {
    const sid = requests.findLast((r) => r.cookie !== undefined)?.cookie ?? '';
    const set = await fetch(`${qbt.url}/api/v2/app/setPreferences`, {
      method: 'POST',
      headers: { cookie: sid, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ json: JSON.stringify({ web_ui_csrf_protection_enabled: true }) }),
    });
    expect(set.status).toBe(200);
    const foreign = await fetch(`${qbt.url}/api/v2/app/version`, {
      headers: { cookie: sid, referer: 'http://evil.example/' },
    });
    expect(foreign.status).toBe(401);
    expect(await client.preferences()).toMatchObject({ web_ui_csrf_protection_enabled: true });
  });

  it('tells refused, timeout, DNS and TLS failures apart', async () => {
    const closed = await freePort();
    const silent: Server = createServer(() => {
      /* accepts and never answers */
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as { port: number }).port;
    // A plain-HTTP server answers a TLS ClientHello with "400 Bad Request": https:// against it fails in TLS.
    const plain = createHttpServer((_req, res) => {
      res.end('plain');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const plainPort = (plain.address() as { port: number }).port;
    const at = (url: string) =>
      createQbittorrentClient({ url, username: 'admin', password: 'x', timeoutMs: 500 }).version();
    try {
      expect(await failureOf(at(`http://127.0.0.1:${closed}`))).toBe('refused');
      expect(await failureOf(at(`http://127.0.0.1:${silentPort}`))).toBe('timeout');
      expect(await failureOf(at('http://qbittorrent.invalid:8080'))).toBe('dns');
      expect(await failureOf(at(`https://127.0.0.1:${plainPort}`))).toBe('tls');
    } finally {
      silent.close();
      plain.close();
    }
  });
});
