import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOutcome, HealthRun } from '../../src/checks/run-checks.js';
import { runHealth } from '../../src/checks/run-health.js';
import { mediaSchema } from '../../src/config/media-schema.js';
import type { MediaConfig } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { freePort } from '../../lab/lab-paths.js';
import { startQbittorrent, type LabQbittorrent } from '../../lab/qbittorrent.js';
import { hasBinary, requireService } from '../../lab/require-service.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { startHangingServer } from './checks-faults.js';

const stateDir = '/tmp/hlb-lab/checks-health';
const log = silentLogger();
const timeoutMs = 1500;

const byId = (run: HealthRun): Map<string, CheckOutcome> => new Map(run.outcomes.map((o) => [o.id, o]));
const statuses = (run: HealthRun): Record<string, string> =>
  Object.fromEntries(run.outcomes.map((o) => [o.id, o.status]));

const flavors = [
  { requests: 'overseerr', name: 'Overseerr', version: '1.34.0' },
  { requests: 'jellyseerr', name: 'Jellyseerr', version: '2.7.3' },
] as const;

describe.each(flavors)('health checks against real qBittorrent, the $name emulator and broken endpoints', (f) => {
  let qbt: LabQbittorrent;
  let overseerr: OverseerrEmulator;
  let hanging: Awaited<ReturnType<typeof startHangingServer>>;
  let media: MediaConfig;
  const run = (m: MediaConfig) => runHealth({ media: m, timeoutMs, log });

  beforeAll(async () => {
    await requireService('qbittorrent-nox', () => hasBinary('qbittorrent-nox'));
    await mkdir(`${stateDir}/${f.requests}/pids`, { recursive: true });
    [qbt, overseerr, hanging] = await Promise.all([
      startQbittorrent({ stateDir: `${stateDir}/${f.requests}` }),
      startOverseerrEmulator({ flavor: f.requests }),
      startHangingServer(),
    ]);
    media = mediaSchema.parse({
      [f.requests]: { url: overseerr.url, apiKey: overseerr.apiKey },
      qbittorrent: { url: qbt.url, username: qbt.username, password: qbt.password },
      radarr: { url: hanging.url, apiKey: 'radarr-key-1' },
      sonarr: { url: `http://127.0.0.1:${await freePort()}`, apiKey: 'sonarr-key-1' },
      prowlarr: { url: 'http://prowlarr.invalid:9696', apiKey: 'prowlarr-key-1' },
      health: { timeout: '2s' },
    });
  }, 60_000);
  afterAll(async () => {
    hanging.close();
    await Promise.all([
      (qbt as LabQbittorrent | undefined)?.stop(),
      (overseerr as OverseerrEmulator | undefined)?.close(),
    ]);
  });

  it('passes the healthy services and names how each broken one fails, with a fix', async () => {
    const outcomes = byId(await run(media));
    expect(outcomes.get(`${f.requests}.api`)).toMatchObject({ status: 'ok', note: `version ${f.version}` });
    expect(outcomes.get('qbittorrent.api')?.note).toMatch(/^version v4\.5\.2 \(WebAPI 2\.\d+\.\d+\)$/);
    const radarr = outcomes.get('radarr.api');
    expect(radarr?.status).toBe('fail');
    expect(radarr?.findings[0]?.diagnosis).toBe('no answer in time');
    expect(radarr?.findings[0]?.suggestion).toContain('container logs');
    expect(outcomes.get('sonarr.api')?.findings[0]?.diagnosis).toBe('connection refused');
    expect(outcomes.get('sonarr.api')?.findings[0]?.suggestion).toContain('docker compose up -d');
    expect(outcomes.get('prowlarr.api')?.findings[0]?.diagnosis).toBe('DNS lookup failed');
    expect(outcomes.get('prowlarr.api')?.findings[0]?.suggestion).toContain('media.prowlarr.url');
  });

  it(`flips only the ${f.name} check when its API key is wrong`, async () => {
    const baseline = statuses(await run(media));
    const result = await run({ ...media, overseerr: { ...media.overseerr!, apiKey: 'stale-key-0000' } });
    expect(statuses(result)).toEqual({ ...baseline, [`${f.requests}.api`]: 'fail' });
    const finding = byId(result).get(`${f.requests}.api`)?.findings[0];
    expect(finding?.summary).toBe(`${f.name} rejected the API key (HTTP 403).`);
    expect(finding?.suggestion).toContain('API Key');
    expect(JSON.stringify(result)).not.toContain('stale-key-0000');
  });

  it('flips only the qBittorrent check when its password is wrong', async () => {
    const baseline = statuses(await run(media));
    const result = await run({
      ...media,
      qbittorrent: { url: qbt.url, username: 'admin', password: 'not-the-password-55' },
    });
    expect(statuses(result)).toEqual({ ...baseline, 'qbittorrent.api': 'fail' });
    const finding = byId(result).get('qbittorrent.api')?.findings[0];
    expect(finding?.summary).toContain('Fails.');
    expect(finding?.suggestion).toContain('banned its IP');
    expect(JSON.stringify(result)).not.toContain('not-the-password-55');
  });
});
