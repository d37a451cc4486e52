import { mkdir } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthRun } from '../../src/checks/run-checks.js';
import { runHealth } from '../../src/checks/run-health.js';
import { mediaSchema } from '../../src/config/media-schema.js';
import { silentLogger } from '../../src/log.js';
import { createQbittorrentClient } from '../../src/media/qbittorrent-client.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createQbtLoginStore } from '../../src/store/qbt-login-store.js';
import { startGluetunEmulator, type GluetunEmulator } from '../../lab/emulators/gluetun/gluetun-emulator.js';
import { startHostRewritingProxy, type HostRewritingProxy } from '../../lab/host-rewriting-proxy.js';
import { labPaths } from '../../lab/lab-paths.js';
import { startQbittorrent, type LabQbittorrent } from '../../lab/qbittorrent.js';
import { hasBinary, requireService } from '../../lab/require-service.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';

const { stateDir } = labPaths('qbt-proxy-ban');
const log = silentLogger();

const qbtOutcome = (run: HealthRun) => run.outcomes.find((o) => o.id === 'qbittorrent.api');

describe('qBittorrent behind a Host-rewriting reverse proxy (real qbittorrent-nox, CSRF and Host checks on)', () => {
  let qbt: LabQbittorrent;
  let proxy: HostRewritingProxy;
  let gluetun: GluetunEmulator;
  let redisServer: PrivateRedis;
  let redis: Redis;
  const failedLogins = () =>
    proxy.exchanges.filter((e) => e.path === '/api/v2/auth/login' && !(e.status === 200 && e.body === 'Ok.')).length;
  const health = (password: string, prefix: string) =>
    runHealth({
      media: mediaSchema.parse({
        qbittorrent: { url: proxy.url, username: qbt.username, password },
        gluetun: { url: gluetun.url, apiKey: gluetun.apiKey ?? undefined },
      }),
      timeoutMs: 5000,
      log,
      qbtGate: createQbtLoginStore(redis, prefix),
    });

  beforeAll(async () => {
    await requireService('qbittorrent-nox', () => hasBinary('qbittorrent-nox'));
    await mkdir(`${stateDir}/pids`, { recursive: true });
    [qbt, gluetun, redisServer] = await Promise.all([
      startQbittorrent({ stateDir, webuiChecks: true }),
      startGluetunEmulator(),
      startTestRedis(),
    ]);
    redis = new Redis(redisServer.url);
    proxy = await startHostRewritingProxy(qbt.url);
  }, 60_000);
  afterAll(async () => {
    await proxy.close();
    redis.disconnect();
    await Promise.all([qbt.stop(), gluetun.close(), redisServer.stop()]);
  });

  it('refuses a login whose Referer names the proxy (the old behaviour), so the proxy really rewrites Host', async () => {
    const client = createQbittorrentClient({
      url: proxy.url,
      username: qbt.username,
      password: qbt.password,
      referer: `${proxy.url}/`,
      timeoutMs: 3000,
    });
    await expect(client.version()).rejects.toMatchObject({
      code: 'qbittorrent-unauthorized',
      message: expect.stringContaining('HTTP 401') as unknown,
    });
    expect(proxy.exchanges.at(-1)).toMatchObject({ path: '/api/v2/auth/login', status: 401, referer: `${proxy.url}/` });
  });

  it('keeps the session under whatever cookie name the login reply sets', async () => {
    const renaming = await startHostRewritingProxy(qbt.url, { sessionCookie: 'QBT_SID_8080' });
    try {
      const client = createQbittorrentClient({
        url: renaming.url,
        username: qbt.username,
        password: qbt.password,
        timeoutMs: 3000,
      });
      expect(await client.version()).toBe('v4.5.2');
      expect(await client.webapiVersion()).toMatch(/^2\./);
      expect(renaming.exchanges.map((e) => [e.path, e.status])).toEqual([
        ['/api/v2/auth/login', 200],
        ['/api/v2/app/version', 200],
        ['/api/v2/app/webapiVersion', 200],
      ]);
    } finally {
      await renaming.close();
    }
  });

  it('passes /health through the proxy: no Referer or Origin is sent', async () => {
    const run = await health(qbt.password, uniquePrefix());
    expect(qbtOutcome(run)).toMatchObject({
      status: 'ok',
      note: expect.stringMatching(/^version v4\.5\.2/) as unknown,
    });
    expect(run.outcomes.find((o) => o.id === 'gluetun.vpn')?.status).toBe('ok');
    expect(proxy.exchanges.filter((e) => e.path.startsWith('/api/v2/') && e.referer !== undefined)).toHaveLength(1);
  });

  it('with a wrong password, ten /health runs cost one failed login; the fixed password passes at once (no ban)', async () => {
    const prefix = uniquePrefix();
    const before = failedLogins();
    const runs: HealthRun[] = [];
    for (let i = 0; i < 10; i += 1) runs.push(await health('wrong-password-5150', prefix));
    expect(failedLogins() - before).toBe(1);
    for (const run of runs) {
      expect(qbtOutcome(run)?.status).toBe('fail');
      expect(qbtOutcome(run)?.findings[0]?.summary).toContain(
        "login refused: wrong credentials, or the bot's IP is banned after failed logins — see qBittorrent's WebUI\\BanDuration",
      );
    }
    expect(qbtOutcome(runs[0]!)?.findings[0]?.summary).toContain('Fails.');
    expect(qbtOutcome(runs[9]!)?.findings[0]?.summary).toContain('Not tried again');
    expect(JSON.stringify(runs)).not.toContain('wrong-password-5150');
    expect(await redis.keys(`${prefix}qbt:login-refused:*`)).toHaveLength(1);

    const fixed = await health(qbt.password, prefix);
    expect(qbtOutcome(fixed)?.status).toBe('ok');
    expect(failedLogins() - before).toBe(1);
  });
});
