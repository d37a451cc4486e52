import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOutcome, HealthRun } from '../../src/checks/run-checks.js';
import { runHealth } from '../../src/checks/run-health.js';
import { mediaSchema } from '../../src/config/media-schema.js';
import type { MediaConfig } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { freePort } from '../../src/store/private-redis.js';
import { startGluetunEmulator, type GluetunEmulator } from '../../lab/emulators/gluetun/gluetun-emulator.js';
import { qbAdmin } from '../../lab/emulators/media-lab/qbittorrent-admin.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { startPlexEmulator, type PlexEmulator } from '../../lab/emulators/plex/plex-emulator.js';
import { startProwlarrEmulator, type ProwlarrEmulator } from '../../lab/emulators/prowlarr/prowlarr-emulator.js';
import { startRadarrEmulator, type RadarrEmulator } from '../../lab/emulators/radarr/radarr-emulator.js';
import { startSonarrEmulator, type SonarrEmulator } from '../../lab/emulators/sonarr/sonarr-emulator.js';
import { startQbittorrent, type LabQbittorrent } from '../../lab/qbittorrent.js';
import { hasBinary, requireService } from '../../lab/require-service.js';

const stateDir = '/tmp/hlb-lab/checks-integration';
const log = silentLogger();
const timeoutMs = 1500;

interface Stack {
  qbt: LabQbittorrent;
  overseerr: OverseerrEmulator;
  radarr: RadarrEmulator;
  sonarr: SonarrEmulator;
  prowlarr: ProwlarrEmulator;
  plex: PlexEmulator;
  gluetun: GluetunEmulator;
}

const statuses = (run: HealthRun): Record<string, string> =>
  Object.fromEntries(run.outcomes.map((o) => [o.id, o.status]));
const outcome = (run: HealthRun, id: string): CheckOutcome | undefined => run.outcomes.find((o) => o.id === id);
const isBad = (s: string): boolean => s === 'fail' || s === 'error';

describe('integration checks against the emulators and real qBittorrent: each seeded fault flips exactly one check', () => {
  let s: Stack;
  let media: MediaConfig;
  let baseline: Record<string, string>;
  const run = (m: MediaConfig = media) => runHealth({ media: m, timeoutMs, log });

  /** Runs with a fault in place and returns the run; asserts the fault flipped `id` and nothing else failed. */
  async function withFault(
    id: string,
    apply: () => void | Promise<void>,
    undo: () => void | Promise<void>,
  ): Promise<CheckOutcome> {
    await apply();
    try {
      const result = await run();
      const changed = Object.entries(statuses(result))
        .filter(([k, v]) => isBad(v) && baseline[k] !== v)
        .map(([k]) => k);
      expect(changed).toEqual([id]);
      return outcome(result, id)!;
    } finally {
      await undo();
    }
  }

  beforeAll(async () => {
    await requireService('qbittorrent-nox', () => hasBinary('qbittorrent-nox'));
    await mkdir(`${stateDir}/pids`, { recursive: true });
    const prowlarr = await startProwlarrEmulator();
    const [qbt, overseerr, radarr, sonarr, plex, gluetun] = await Promise.all([
      startQbittorrent({ stateDir }),
      startOverseerrEmulator(),
      startRadarrEmulator({ prowlarrUrl: prowlarr.url }),
      startSonarrEmulator({ prowlarrUrl: prowlarr.url }),
      startPlexEmulator(),
      startGluetunEmulator(),
    ]);
    s = { qbt, overseerr, radarr, sonarr, prowlarr, plex, gluetun };
    const admin = await qbAdmin(qbt.url, qbt.username, qbt.password);
    await admin.createCategory('radarr', '');
    await admin.createCategory('tv-sonarr', '');
    // The Overseerr emulator's Radarr/Sonarr entries use root folder /data/media; the apps and Plex get it too.
    radarr.seedRootFolder('/data/media');
    sonarr.seedRootFolder('/data/media');
    for (const section of plex.state.sections) plex.setLocations(section.key, [...section.locations, '/data/media']);
    // Overseerr's Radarr/Sonarr entries point at the emulators, as Settings → Services would.
    overseerr.setArrServer('radarr', {
      hostname: '127.0.0.1',
      port: Number(new URL(radarr.url).port),
      apiKey: radarr.apiKey,
    });
    overseerr.setArrServer('sonarr', {
      hostname: '127.0.0.1',
      port: Number(new URL(sonarr.url).port),
      apiKey: sonarr.apiKey,
    });
    media = mediaSchema.parse({
      overseerr: { url: overseerr.url, apiKey: overseerr.apiKey },
      radarr: { url: radarr.url, apiKey: radarr.apiKey },
      sonarr: { url: sonarr.url, apiKey: sonarr.apiKey },
      prowlarr: { url: prowlarr.url, apiKey: prowlarr.apiKey },
      qbittorrent: { url: qbt.url, username: qbt.username, password: qbt.password },
      plex: { url: plex.url, token: plex.token },
      gluetun: { url: gluetun.url, apiKey: gluetun.apiKey ?? undefined },
      homeCidrs: ['203.0.113.0/24'],
      health: { timeout: '2s', testQuery: 'test query 2024' },
    });
    baseline = statuses(await run());
  }, 90_000);
  afterAll(async () => {
    const stack = s as Stack | undefined;
    if (stack === undefined) return;
    await Promise.all([
      stack.qbt.stop(),
      stack.overseerr.close(),
      stack.radarr.close(),
      stack.sonarr.close(),
      stack.prowlarr.close(),
      stack.plex.close(),
      stack.gluetun.close(),
    ]);
  });

  it('is all green on the healthy stack', () => {
    expect(Object.keys(baseline).sort()).toEqual([
      'gluetun.api',
      'gluetun.vpn',
      'overseerr.api',
      'overseerr.arr-settings',
      'plex.api',
      'plex.autoscan',
      'plex.folders',
      'prowlarr.api',
      'prowlarr.search',
      'qbittorrent.api',
      'radarr.api',
      'radarr.download-client',
      'radarr.download-path',
      'radarr.indexers',
      'sonarr.api',
      'sonarr.download-client',
      'sonarr.download-path',
      'sonarr.indexers',
    ]);
    expect(Object.entries(baseline).filter(([, v]) => v !== 'ok')).toEqual([]);
    // Overseerr's own test endpoints were used, and answered per the contract.
    expect(s.overseerr.log.filter((c) => c.method === 'POST').map((c) => [c.rawUrl, c.status])).toEqual(
      expect.arrayContaining([
        ['/api/v1/settings/radarr/test', 200],
        ['/api/v1/settings/sonarr/test', 200],
      ]),
    );
    expect(s.overseerr.violations).toEqual([]);
  });

  it('wrong Radarr API key flips radarr.api only', async () => {
    const result = await run({ ...media, radarr: { url: s.radarr.url, apiKey: 'stale-radarr-key' } });
    const bad = Object.entries(statuses(result))
      .filter(([, v]) => isBad(v))
      .map(([k]) => k);
    expect(bad).toEqual(['radarr.api']);
    expect(outcome(result, 'radarr.api')?.findings[0]?.summary).toBe('Radarr rejected the API key (HTTP 401).');
    expect(outcome(result, 'radarr.indexers')?.status).toBe('skipped');
  });

  it('Sonarr down flips sonarr.api only, with the start suggestion', async () => {
    const found = await withFault(
      'sonarr.api',
      () => s.sonarr.down(),
      () => s.sonarr.up(),
    );
    expect(found.findings[0]?.diagnosis).toBe('connection refused');
  });

  it('Prowlarr hanging flips prowlarr.api only, as a timeout', async () => {
    const found = await withFault(
      'prowlarr.api',
      () => {
        s.prowlarr.hang(true);
      },
      () => {
        s.prowlarr.hang(false);
      },
    );
    expect(found.findings[0]?.diagnosis).toBe('no answer in time');
  });

  it('an indexer missing in Radarr flips radarr.indexers only, suggesting a Prowlarr app sync', async () => {
    const ids = s.radarr.state.indexers.map((i) => i.id);
    const saved = [...s.radarr.state.indexers];
    const found = await withFault(
      'radarr.indexers',
      () => {
        for (const id of ids) s.radarr.removeIndexer(id);
      },
      () => {
        s.radarr.state.indexers.push(...saved);
      },
    );
    expect(found.findings[0]?.summary).toContain('Radarr has no indexers synced from Prowlarr');
    expect(found.findings[0]?.suggestion).toContain('Settings → Apps');
  });

  it('a failing indexer flips prowlarr.search only', async () => {
    const id = s.prowlarr.state.indexers[0]!.id;
    const found = await withFault(
      'prowlarr.search',
      () => {
        s.prowlarr.failSearch(id, 'Cloudflare protection detected');
      },
      () => {
        s.prowlarr.failSearch(id, undefined);
      },
    );
    expect(found.findings[0]?.summary).toContain('Cloudflare protection detected');
  });

  it("a root folder Overseerr's Radarr entry uses, missing in Radarr, flips overseerr.arr-settings only", async () => {
    const folder = s.radarr.state.rootFolders.find((r) => r.path === '/data/media')!;
    const at = s.radarr.state.rootFolders.indexOf(folder);
    const found = await withFault(
      'overseerr.arr-settings',
      () => {
        s.radarr.state.rootFolders.splice(at, 1);
      },
      () => {
        s.radarr.state.rootFolders.splice(at, 0, folder);
      },
    );
    expect(found.findings[0]?.summary).toBe(
      "Overseerr's Radarr server uses root folder /data/media, which is not a Radarr root folder (/data/media/movies).",
    );
  });

  it("Overseerr's Radarr entry on a wrong port flips overseerr.arr-settings only, as unreachable", async () => {
    const port = Number(new URL(s.radarr.url).port);
    const wrong = await freePort();
    const found = await withFault(
      'overseerr.arr-settings',
      () => {
        s.overseerr.setArrServer('radarr', { port: wrong });
      },
      () => {
        s.overseerr.setArrServer('radarr', { port });
      },
    );
    expect(found.findings).toHaveLength(1);
    expect(found.findings[0]?.summary).toBe(
      `Overseerr cannot reach Radarr at 127.0.0.1:${wrong}: Failed to connect to Radarr`,
    );
    expect(found.findings[0]?.diagnosis).toContain("Overseerr's hostname, port or URL base for Radarr");
    expect(found.findings[0]?.suggestion).toContain('Overseerr → Settings → Services → Radarr');
  });

  it("a stale API key in Overseerr's Radarr entry flips overseerr.arr-settings only, and no key is shown", async () => {
    const stale = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
    const found = await withFault(
      'overseerr.arr-settings',
      () => {
        s.overseerr.setArrServer('radarr', { apiKey: stale });
      },
      () => {
        s.overseerr.setArrServer('radarr', { apiKey: s.radarr.apiKey });
      },
    );
    expect(found.findings).toHaveLength(1);
    expect(found.findings[0]?.summary).toBe(
      `Overseerr cannot reach Radarr at 127.0.0.1:${new URL(s.radarr.url).port}: Failed to connect to Radarr`,
    );
    expect(found.findings[0]?.diagnosis).toContain('differs from the one in media.radarr.apiKey');
    expect(found.findings[0]?.suggestion).toContain('Radarr → Settings → General → API Key');
    const shown = JSON.stringify(found);
    expect(shown).not.toContain(stale);
    expect(shown).not.toContain(s.radarr.apiKey);
  });

  it('a VPN public IP in the home range flips gluetun.vpn only', async () => {
    const found = await withFault(
      'gluetun.vpn',
      () => {
        s.gluetun.setPublicIp('203.0.113.7');
      },
      () => {
        s.gluetun.setPublicIp('198.51.100.23');
      },
    );
    expect(found.findings[0]?.summary).toBe("The VPN's public IP 203.0.113.7 is in your home range (media.homeCidrs).");
  });

  it('Plex auto-scan off flips plex.autoscan only', async () => {
    const found = await withFault(
      'plex.autoscan',
      () => {
        s.plex.setPref('FSEventLibraryUpdatesEnabled', false);
      },
      () => {
        s.plex.setPref('FSEventLibraryUpdatesEnabled', true);
      },
    );
    expect(found.findings[0]?.suggestion).toContain('Scan my library automatically');
  });

  it('a Plex folder not matching the Radarr root folder flips plex.folders only', async () => {
    const movies = s.plex.state.sections.find((x) => x.type === 'movie')!;
    const found = await withFault(
      'plex.folders',
      () => {
        s.plex.setLocations(movies.key, ['/data/films']);
      },
      () => {
        s.plex.setLocations(movies.key, ['/data/media/movies', '/data/media']);
      },
    );
    expect(found.findings[0]?.summary).toContain(
      'Radarr root folder /data/media/movies is in no Plex movie library (Movies: /data/films)',
    );
  });
});
