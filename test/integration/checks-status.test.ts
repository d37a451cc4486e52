import { mkdir } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShellSession, type ShellSession } from '../../src/bot/shell/run-shell.js';
import { mediaSchema } from '../../src/config/media-schema.js';
import { healthProcessors } from '../../src/commands/health/health-processors.js';
import { statusProcessors } from '../../src/commands/status/status-processors.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { freePort } from '../../lab/lab-paths.js';
import { startQbittorrent, type LabQbittorrent } from '../../lab/qbittorrent.js';
import { hasBinary, requireService } from '../../lab/require-service.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { startTestRedis, Transcript, uniquePrefix } from './core-harness.js';
import { realAdapters } from '../../src/app/real-adapters.js';
import { defaultConfig } from '../../src/config/default-config.js';
import { wired } from './wired.js';

const stateDir = '/tmp/hlb-lab/checks-status';

const flavors = [
  { requests: 'overseerr', name: 'Overseerr', version: '1.34.0' },
  { requests: 'jellyseerr', name: 'Jellyseerr', version: '2.7.3' },
] as const;

describe.each(flavors)('/health then /status in the shell (real Redis, real qBittorrent, $name emulator)', (f) => {
  let redis: PrivateRedis;
  let qbt: LabQbittorrent;
  let overseerr: OverseerrEmulator;
  let session: ShellSession;
  const input = new PassThrough();
  const out = new Transcript();
  const type = (line: string): void => {
    input.write(`${line}\n`);
  };

  beforeAll(async () => {
    await requireService('qbittorrent-nox', () => hasBinary('qbittorrent-nox'));
    await mkdir(`${stateDir}/${f.requests}/pids`, { recursive: true });
    [redis, qbt, overseerr] = await Promise.all([
      startTestRedis(),
      startQbittorrent({ stateDir: `${stateDir}/${f.requests}` }),
      startOverseerrEmulator({ flavor: f.requests }),
    ]);
    const media = mediaSchema.parse({
      [f.requests]: { url: overseerr.url, apiKey: overseerr.apiKey },
      qbittorrent: { url: qbt.url, username: qbt.username, password: qbt.password },
      sonarr: { url: `http://127.0.0.1:${await freePort()}`, apiKey: 'sonarr-key-1' },
      health: { timeout: '2s' },
    });
    const log = silentLogger();
    const config = { people: [], media };
    session = await startShellSession({
      config,
      log,
      input,
      output: out.stream,
      redisUrl: redis.url,
      prefix: uniquePrefix(),
      processors: (stores) => ({
        ...wired(stores),
        ...healthProcessors(config, realAdapters(defaultConfig(), log)),
        ...statusProcessors(config),
      }),
    });
  }, 60_000);
  afterAll(async () => {
    await (session as ShellSession | undefined)?.close();
    await Promise.all([
      (qbt as LabQbittorrent | undefined)?.stop(),
      (overseerr as OverseerrEmulator | undefined)?.close(),
      (redis as PrivateRedis | undefined)?.stop(),
    ]);
  });

  it('/status before any /health says so and recommends running it', async () => {
    type('/status');
    // Sonarr is down, so the report is a warning and the status line says so (not ✅).
    await out.waitFor('⚠️ Done: /status');
    expect(out.text).not.toContain('✅ Done: /status');
    expect(out.text).toContain('No health check on record: run /health.');
    // No `apps` in this config: /drift audit cannot run, so it is not recommended.
    expect(out.text).not.toContain('run /drift audit');
    expect(out.text).toContain('no forge configured');
  });

  it('/health lists the failing service first with its fix and attaches the report', async () => {
    type('/health');
    await out.waitFor('Done: /health');
    const health = out.text.slice(out.text.indexOf('Media health'));
    expect(health.indexOf('Sonarr')).toBeLessThan(health.indexOf('qBittorrent'));
    expect(health).toContain('or the container is down). → Start Sonarr');
    expect(health).toContain('✅ qBittorrent reachable and login valid: version v4.5.2');
    expect(health).toContain(`✅ ${f.name} reachable and credentials valid: version ${f.version}`);
    expect(health).toContain('📎 health-report.md');
  });

  it('/status then shows the cached health run, the down service and the recommendation', async () => {
    const before = out.count('Done: /status');
    type('/status');
    await out.waitFor('Done: /status', before + 1);
    const status = out.text.slice(out.text.lastIndexOf('Bot status'));
    expect(status).toContain('1 failing, 2 ok');
    expect(status).toContain('failing: sonarr.api');
    expect(status).toContain('🔴 Sonarr (refused)');
    expect(status).toContain('🟢 qBittorrent');
    expect(status).toContain(`🟢 ${f.name}`);
    expect(status).toContain('Sonarr is down: run /health for the cause and fix.');
    expect(status).toContain('1 health check(s) failed last time');
  });
});
