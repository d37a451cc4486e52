import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOutcome, HealthRun } from '../../src/checks/run-checks.js';
import { runHealth } from '../../src/checks/run-health.js';
import { mediaSchema } from '../../src/config/media-schema.js';
import type { HostConfig, MediaConfig } from '../../src/config/schema.js';
import { connectDockerHost } from '../../src/infra/index.js';
import { silentLogger } from '../../src/log.js';
import { startGluetunEmulator, type GluetunEmulator } from '../../lab/emulators/gluetun/gluetun-emulator.js';
import { qbAdmin } from '../../lab/emulators/media-lab/qbittorrent-admin.js';
import { startPlexEmulator, type PlexEmulator } from '../../lab/emulators/plex/plex-emulator.js';
import { startRadarrEmulator, type RadarrEmulator } from '../../lab/emulators/radarr/radarr-emulator.js';
import {
  plantEnvDrift,
  plantNetworkModeDrift,
  requireLab,
  startLab,
  startQbittorrent,
  type Lab,
  type LabQbittorrent,
} from '../../lab/index.js';
import { labAuditConfig } from './drift-harness.js';

const log = silentLogger();
/** The key the lab's radarr container gets from its host .env (RADARR__AUTH__APIKEY=${RADARR_API_KEY}). */
const radarrKey = 'lab-secret-radarr-apikey-3c9f';
const timeoutMs = 8000;
const statuses = (run: HealthRun): Record<string, string> =>
  Object.fromEntries(run.outcomes.map((o) => [o.id, o.status]));
const outcome = (run: HealthRun, id: string): CheckOutcome => {
  const found = run.outcomes.find((o) => o.id === id);
  if (found === undefined) throw new Error(`no outcome ${id}`);
  return found;
};
const failing = (run: HealthRun): string[] =>
  run.outcomes.filter((o) => o.status === 'fail' || o.status === 'error').map((o) => o.id);

describe('container-backed checks against the lab (real Docker over SSH, media01 stacks)', () => {
  let lab: Lab;
  let qbt: LabQbittorrent;
  let radarr: RadarrEmulator;
  let plex: PlexEmulator;
  let gluetun: GluetunEmulator;
  let hosts: readonly HostConfig[];
  let media: MediaConfig;
  const run = () => runHealth({ media, timeoutMs, log, hosts, connect: (host) => connectDockerHost(host, { log }) });

  beforeAll(async () => {
    await requireLab();
    lab = await startLab({ name: 'checks-lab' });
    hosts = labAuditConfig(lab).hosts;
    [qbt, radarr, plex, gluetun] = await Promise.all([
      startQbittorrent(lab),
      startRadarrEmulator({ apiKey: radarrKey, qbittorrent: { host: 'gluetun', port: 8080, category: 'radarr' } }),
      startPlexEmulator(),
      startGluetunEmulator(),
    ]);
    // qBittorrent saves where its container mounts the downloads (${MEDIA_ROOT}/downloads:/data/downloads);
    // Radarr mounts ${MEDIA_ROOT}:/data, so the same host folder is /data/downloads/movies there too.
    await (await qbAdmin(qbt.url, qbt.username, qbt.password)).createCategory('radarr', '/data/downloads/movies');
    media = mediaSchema.parse({
      radarr: { url: radarr.url, apiKey: radarr.apiKey },
      qbittorrent: { url: qbt.url, username: qbt.username, password: qbt.password },
      plex: { url: plex.url, token: plex.token },
      gluetun: { url: gluetun.url, apiKey: gluetun.apiKey ?? undefined },
      homeCidrs: ['203.0.113.0/24'],
    });
  }, 300_000);
  afterAll(async () => {
    await Promise.all([
      (qbt as LabQbittorrent | undefined)?.stop(),
      (radarr as RadarrEmulator | undefined)?.close(),
      (plex as PlexEmulator | undefined)?.close(),
      (gluetun as GluetunEmulator | undefined)?.close(),
    ]);
    await (lab as Lab | undefined)?.stop();
  }, 120_000);

  it("is green: download path and Plex folders agree on the host, qBittorrent shares Gluetun's network", async () => {
    const result = await run();
    expect(failing(result)).toEqual([]);
    expect(outcome(result, 'radarr.key-references').note).toBe('no stale references');
    expect(outcome(result, 'radarr.download-path').note).toMatch(
      /^qBittorrent \/data\/downloads\/movies = Radarr \/data\/downloads\/movies = host \/.+\/media\/downloads\/movies$/,
    );
    expect(outcome(result, 'qbittorrent.vpn-network').note).toMatch(
      /^network_mode container:media-downloads[-_]gluetun[-_]1$/,
    );
    expect(outcome(result, 'plex.folders').status).toBe('ok');
  }, 120_000);

  it('a remote path mapping that sends Radarr to an unmounted folder flips radarr.download-path only', async () => {
    radarr.seedRemotePathMapping({ host: 'gluetun', remotePath: '/data/downloads/', localPath: '/downloads/' });
    try {
      const result = await run();
      expect(failing(result)).toEqual(['radarr.download-path']);
      const finding = outcome(result, 'radarr.download-path').findings[0];
      expect(finding?.summary).toMatch(
        /^Radarr looks for finished downloads in \/downloads\/movies, which no volume of container media-indexers[-_]radarr[-_]1 provides/,
      );
      expect(finding?.suggestion).toContain(
        'Remote Path Mappings: host gluetun, remote path /data/downloads/movies/, local path /data/downloads/movies/',
      );
    } finally {
      radarr.state.remotePathMappings.length = 0;
    }
  }, 120_000);

  it('a container still carrying an old Radarr key flips radarr.key-references only, with a ${VAR} fix and no key shown', async () => {
    await plantEnvDrift(lab, {
      stack: 'media-indexers',
      service: 'radarr',
      key: 'RADARR__AUTH__APIKEY',
      value: 'old-radarr-key-0042',
    });
    try {
      const result = await run();
      expect(failing(result)).toEqual(['radarr.key-references']);
      const finding = outcome(result, 'radarr.key-references').findings[0];
      expect(finding?.summary).toMatch(
        /^media-indexers\/radarr \(media-indexers[-_]radarr[-_]1\) has RADARR__AUTH__APIKEY set to a key Radarr no longer accepts\.$/,
      );
      expect(finding?.fix).toMatchObject({
        stack: 'media-indexers',
        service: 'radarr',
        field: 'environment.RADARR__AUTH__APIKEY',
        value: '${RADARR_API_KEY}',
      });
      expect(JSON.stringify(result)).not.toContain('old-radarr-key-0042');
      expect(JSON.stringify(result)).not.toContain(radarrKey);
    } finally {
      await plantEnvDrift(lab, {
        stack: 'media-indexers',
        service: 'radarr',
        key: 'RADARR__AUTH__APIKEY',
        value: '${RADARR_API_KEY}',
      });
    }
  }, 180_000);

  it("qBittorrent taken out of Gluetun's network flips qbittorrent.vpn-network only, with a fix proposal", async () => {
    await plantNetworkModeDrift(lab, { stack: 'media-downloads', service: 'qbittorrent', mode: 'bridge' });
    const result = await run();
    expect(failing(result)).toEqual(['qbittorrent.vpn-network']);
    const finding = outcome(result, 'qbittorrent.vpn-network').findings[0];
    expect(finding?.summary).toMatch(/uses network "bridge", not Gluetun's/);
    expect(finding?.fix).toEqual({
      stack: 'media-downloads',
      service: 'qbittorrent',
      field: 'network_mode',
      value: 'service:gluetun',
      reason: expect.any(String),
    });
    expect(Object.keys(statuses(result))).toContain('radarr.download-path');
  }, 180_000);
});
