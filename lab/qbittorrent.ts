import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { freePort } from './lab-paths.js';
import { spawnDaemon, terminate, waitFor } from './proc.js';

/** A running qbittorrent-nox (4.5.2) of the lab. */
export interface LabQbittorrent {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly pid: number;
  readonly stop: () => Promise<void>;
}

// 4.5.x still ships the fixed default WebUI password (4.6.1+ generates a random one).
const username = 'admin';
const password = 'adminadmin';

/** Pre-accepts the legal notice and keeps the client offline (no DHT/LSD/UPnP/GeoIP lookups). */
const config = (webuiPort: number, btPort: number, downloads: string, checks: boolean): string => `[LegalNotice]
Accepted=true

[BitTorrent]
Session\\DHTEnabled=false
Session\\LSDEnabled=false
Session\\PeXEnabled=false
Session\\Port=${btPort}
Session\\Interface=lo
Session\\InterfaceAddress=127.0.0.1
Session\\DefaultSavePath=${downloads}

[Preferences]
Connection\\UPnP=false
Connection\\ResolvePeerCountries=false
Downloads\\SavePath=${downloads}
WebUI\\Address=127.0.0.1
WebUI\\Port=${webuiPort}
WebUI\\UPnP=false
WebUI\\CSRFProtection=${String(checks)}
WebUI\\HostHeaderValidation=${String(checks)}
General\\Locale=en
`;

async function login(url: string): Promise<string | undefined> {
  const res = await fetch(`${url}/api/v2/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  const cookie = res.headers.get('set-cookie') ?? '';
  return (await res.text()) === 'Ok.' ? cookie.split(';')[0] : undefined;
}

/** Logs in with the default credentials and reads `/api/v2/app/version` (e.g. `v4.5.2`). */
export async function qbittorrentVersion(url: string): Promise<string> {
  const cookie = await login(url);
  if (cookie === undefined) throw new Error('qbittorrent login failed');
  const res = await fetch(`${url}/api/v2/app/version`, { headers: { cookie } });
  if (!res.ok) throw new Error(`qbittorrent version: HTTP ${res.status}`);
  return res.text();
}

/**
 * Starts qbittorrent-nox with a fresh profile under the state dir. `webuiChecks` keeps qBittorrent's
 * defaults on (CSRF protection and Host header validation), as a real install has them. A previous instance of the
 * same lab (still running or crashed) is killed and its profile removed first.
 */
export async function startQbittorrent(lab: {
  readonly stateDir: string;
  readonly webuiChecks?: boolean;
}): Promise<LabQbittorrent> {
  const dir = `${lab.stateDir}/qbittorrent`;
  const pidFile = `${lab.stateDir}/pids/qbittorrent.pid`;
  const old = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
  if (old > 1) await terminate([old], 5_000);
  await rm(dir, { recursive: true, force: true });
  await mkdir(`${dir}/profile/qBittorrent/config`, { recursive: true });
  await mkdir(`${dir}/downloads`, { recursive: true });
  const [webuiPort, btPort] = await Promise.all([freePort(), freePort()]);
  await writeFile(
    `${dir}/profile/qBittorrent/config/qBittorrent.conf`,
    config(webuiPort, btPort, `${dir}/downloads`, lab.webuiChecks === true),
  );
  const pid = spawnDaemon(
    'qbittorrent-nox',
    [`--webui-port=${webuiPort}`, `--profile=${dir}/profile`],
    `${dir}/qbittorrent.log`,
  );
  await writeFile(pidFile, String(pid));
  const url = `http://127.0.0.1:${webuiPort}`;
  await waitFor('qbittorrent WebUI', async () => (await qbittorrentVersion(url)).startsWith('v'), 30_000);
  return {
    url,
    username,
    password,
    pid,
    // Leaves nothing behind: the profile, and the pids and state dirs when nothing else is in them.
    stop: async () => {
      await terminate([pid], 5_000);
      await rm(pidFile, { force: true });
      await rm(dir, { recursive: true, force: true });
      await rmdir(`${lab.stateDir}/pids`).catch(() => undefined);
      await rmdir(lab.stateDir).catch(() => undefined);
    },
  };
}
