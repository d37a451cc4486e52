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
import { startPlexEmulator } from '../../lab/emulators/plex/plex-emulator.js';
import { startJellyfinEmulator } from '../../lab/emulators/jellyfin/jellyfin-emulator.js';
import { startJellyseerrEmulator } from '../../lab/emulators/jellyseerr/jellyseerr-emulator.js';
import { startProwlarrEmulator, type ProwlarrEmulator } from '../../lab/emulators/prowlarr/prowlarr-emulator.js';
import { startRadarrEmulator, type RadarrEmulator } from '../../lab/emulators/radarr/radarr-emulator.js';
import { startSonarrEmulator, type SonarrEmulator } from '../../lab/emulators/sonarr/sonarr-emulator.js';
import { startQbittorrent, type LabQbittorrent } from '../../lab/qbittorrent.js';
import { hasBinary, requireService } from '../../lab/require-service.js';

const stateDir = '/tmp/hlb-lab/checks-integration';
const log = silentLogger();
const timeoutMs = 1500;

/** The media server and request server of one flavour of the stack, with the faults the tests seed in them. */
interface Library {
  readonly url: string;
  readonly violations: readonly string[];
  /** The `media.<server>` config entry. */
  readonly config: Record<string, unknown>;
  /** Adds a folder to every library (section). */
  addFolderEverywhere(path: string): void;
  /** The movie library's folders. */
  setMovieFolders(paths: readonly string[]): void;
  autoscan(on: boolean): void;
  /** Jellyseerr only: the API key its Settings → Jellyfin holds. */
  setRequestsLinkKey?: (apiKey: string | undefined) => void;
  close(): Promise<void>;
}

interface Flavor {
  readonly name: 'Plex + Overseerr' | 'Jellyfin + Jellyseerr';
  /** `plex` / `jellyfin`: check ids and config key. */
  readonly server: 'plex' | 'jellyfin';
  readonly serverName: 'Plex' | 'Jellyfin';
  readonly requests: 'overseerr' | 'jellyseerr';
  readonly requestsName: 'Overseerr' | 'Jellyseerr';
  readonly autoscanHint: string;
  /** The movie library's name in findings. */
  readonly moviesTitle: string;
  /** Checks only this flavour has. */
  readonly extraChecks: readonly string[];
  start(): Promise<{ library: Library; overseerr: OverseerrEmulator }>;
}

const flavors: readonly Flavor[] = [
  {
    name: 'Plex + Overseerr',
    server: 'plex',
    serverName: 'Plex',
    requests: 'overseerr',
    requestsName: 'Overseerr',
    autoscanHint: 'Scan my library automatically',
    moviesTitle: 'Movies',
    extraChecks: [],
    start: async () => {
      const [plex, overseerr] = await Promise.all([startPlexEmulator(), startOverseerrEmulator()]);
      const movies = plex.state.sections.find((x) => x.type === 'movie')!;
      return {
        overseerr,
        library: {
          url: plex.url,
          violations: plex.violations,
          config: { url: plex.url, token: plex.token },
          addFolderEverywhere: (path) => {
            for (const section of plex.state.sections) plex.setLocations(section.key, [...section.locations, path]);
          },
          setMovieFolders: (paths) => {
            plex.setLocations(movies.key, paths);
          },
          autoscan: (on) => {
            plex.setPref('FSEventLibraryUpdatesEnabled', on);
          },
          close: () => plex.close(),
        },
      };
    },
  },
  {
    name: 'Jellyfin + Jellyseerr',
    server: 'jellyfin',
    serverName: 'Jellyfin',
    requests: 'jellyseerr',
    requestsName: 'Jellyseerr',
    autoscanHint: 'Real time monitoring',
    moviesTitle: 'Movies',
    extraChecks: ['jellyseerr.jellyfin'],
    start: async () => {
      const jellyfin = await startJellyfinEmulator();
      const overseerr = await startJellyseerrEmulator({ jellyfin });
      const movies = jellyfin.state.libraries.find((x) => x.collectionType === 'movies')!;
      return {
        overseerr,
        library: {
          url: jellyfin.url,
          violations: jellyfin.violations,
          config: { url: jellyfin.url, apiKey: jellyfin.apiKey },
          addFolderEverywhere: (path) => {
            for (const l of jellyfin.state.libraries) jellyfin.setLocations(l.id, [...l.locations, path]);
          },
          setMovieFolders: (paths) => {
            jellyfin.setLocations(movies.id, paths);
          },
          autoscan: (on) => {
            // Neither real-time monitoring nor a scheduled scan: nothing notices new files.
            jellyfin.setRealtimeMonitor(movies.id, on);
            jellyfin.setScanScheduled(on);
          },
          setRequestsLinkKey: (apiKey) => {
            overseerr.linkJellyfin({ apiKey: apiKey ?? jellyfin.apiKey });
          },
          close: () => jellyfin.close(),
        },
      };
    },
  },
];

interface Stack {
  qbt: LabQbittorrent;
  overseerr: OverseerrEmulator;
  radarr: RadarrEmulator;
  sonarr: SonarrEmulator;
  prowlarr: ProwlarrEmulator;
  library: Library;
  gluetun: GluetunEmulator;
}

const statuses = (run: HealthRun): Record<string, string> =>
  Object.fromEntries(run.outcomes.map((o) => [o.id, o.status]));
const outcome = (run: HealthRun, id: string): CheckOutcome | undefined => run.outcomes.find((o) => o.id === id);
const isBad = (s: string): boolean => s === 'fail' || s === 'error';

describe.each(flavors)(
  'integration checks against the emulators ($name) and real qBittorrent: each seeded fault flips exactly one check',
  (f) => {
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
      await mkdir(`${stateDir}/${f.server}/pids`, { recursive: true });
      const prowlarr = await startProwlarrEmulator();
      const [qbt, { overseerr, library }, radarr, sonarr, gluetun] = await Promise.all([
        startQbittorrent({ stateDir: `${stateDir}/${f.server}` }),
        f.start(),
        startRadarrEmulator({ prowlarrUrl: prowlarr.url }),
        startSonarrEmulator({ prowlarrUrl: prowlarr.url }),
        startGluetunEmulator(),
      ]);
      s = { qbt, overseerr, radarr, sonarr, prowlarr, library, gluetun };
      const admin = await qbAdmin(qbt.url, qbt.username, qbt.password);
      await admin.createCategory('radarr', '');
      await admin.createCategory('tv-sonarr', '');
      // The Overseerr emulator's Radarr/Sonarr entries use root folder /data/media; the apps and Plex/Jellyfin get it too.
      radarr.seedRootFolder('/data/media');
      sonarr.seedRootFolder('/data/media');
      library.addFolderEverywhere('/data/media');
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
        [f.requests]: { url: overseerr.url, apiKey: overseerr.apiKey },
        radarr: { url: radarr.url, apiKey: radarr.apiKey },
        sonarr: { url: sonarr.url, apiKey: sonarr.apiKey },
        prowlarr: { url: prowlarr.url, apiKey: prowlarr.apiKey },
        qbittorrent: { url: qbt.url, username: qbt.username, password: qbt.password },
        [f.server]: library.config,
        gluetun: { url: gluetun.url, apiKey: gluetun.apiKey ?? undefined },
        homeCidrs: ['203.0.113.0/24'],
        health: { timeout: '2s', testQuery: 'test query 2024' },
      });
      // A first run compiles the emulators' response validators (the Jellyseerr/Jellyfin specs are large):
      // on a loaded machine that alone can outlast a check's timeout, so the baseline is the second run.
      await run();
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
        stack.library.close(),
        stack.gluetun.close(),
      ]);
    });

    it('is all green on the healthy stack', () => {
      expect(Object.keys(baseline).sort()).toEqual(
        [
          'gluetun.api',
          'gluetun.vpn',
          `${f.requests}.api`,
          `${f.requests}.arr-settings`,
          `${f.server}.api`,
          `${f.server}.autoscan`,
          `${f.server}.folders`,
          ...f.extraChecks,
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
        ].sort(),
      );
      expect(Object.entries(baseline).filter(([, v]) => v !== 'ok')).toEqual([]);
      // Overseerr's own test endpoints were used, and answered per the contract.
      expect(s.overseerr.log.filter((c) => c.method === 'POST').map((c) => [c.rawUrl, c.status])).toEqual(
        expect.arrayContaining([
          ['/api/v1/settings/radarr/test', 200],
          ['/api/v1/settings/sonarr/test', 200],
        ]),
      );
      expect(s.overseerr.violations).toEqual([]);
      expect(s.library.violations).toEqual([]);
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

    it(`a root folder ${f.requestsName}'s Radarr entry uses, missing in Radarr, flips ${f.requests}.arr-settings only`, async () => {
      const folder = s.radarr.state.rootFolders.find((r) => r.path === '/data/media')!;
      const at = s.radarr.state.rootFolders.indexOf(folder);
      const found = await withFault(
        `${f.requests}.arr-settings`,
        () => {
          s.radarr.state.rootFolders.splice(at, 1);
        },
        () => {
          s.radarr.state.rootFolders.splice(at, 0, folder);
        },
      );
      expect(found.findings[0]?.summary).toBe(
        `${f.requestsName}'s Radarr server uses root folder /data/media, which is not a Radarr root folder (/data/media/movies).`,
      );
    });

    it(`${f.requestsName}'s Radarr entry on a wrong port flips ${f.requests}.arr-settings only, as unreachable`, async () => {
      const port = Number(new URL(s.radarr.url).port);
      const wrong = await freePort();
      const found = await withFault(
        `${f.requests}.arr-settings`,
        () => {
          s.overseerr.setArrServer('radarr', { port: wrong });
        },
        () => {
          s.overseerr.setArrServer('radarr', { port });
        },
      );
      expect(found.findings).toHaveLength(1);
      expect(found.findings[0]?.summary).toBe(
        `${f.requestsName} cannot reach Radarr at 127.0.0.1:${wrong}: Failed to connect to Radarr`,
      );
      expect(found.findings[0]?.diagnosis).toContain(`${f.requestsName}'s hostname, port or URL base for Radarr`);
      expect(found.findings[0]?.suggestion).toContain(`${f.requestsName} → Settings → Services → Radarr`);
    });

    it(`a stale API key in ${f.requestsName}'s Radarr entry flips ${f.requests}.arr-settings only, and no key is shown`, async () => {
      const stale = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
      const found = await withFault(
        `${f.requests}.arr-settings`,
        () => {
          s.overseerr.setArrServer('radarr', { apiKey: stale });
        },
        () => {
          s.overseerr.setArrServer('radarr', { apiKey: s.radarr.apiKey });
        },
      );
      expect(found.findings).toHaveLength(1);
      expect(found.findings[0]?.summary).toBe(
        `${f.requestsName} cannot reach Radarr at 127.0.0.1:${new URL(s.radarr.url).port}: Failed to connect to Radarr`,
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
      expect(found.findings[0]?.summary).toBe(
        "The VPN's public IP 203.0.113.7 is in your home range (media.homeCidrs).",
      );
    });

    it(`${f.serverName} auto-scan off flips ${f.server}.autoscan only`, async () => {
      const found = await withFault(
        `${f.server}.autoscan`,
        () => {
          s.library.autoscan(false);
        },
        () => {
          s.library.autoscan(true);
        },
      );
      expect(found.findings[0]?.suggestion).toContain(f.autoscanHint);
    });

    it(`a ${f.serverName} folder not matching the Radarr root folder flips ${f.server}.folders only, with its fix`, async () => {
      const found = await withFault(
        `${f.server}.folders`,
        () => {
          s.library.setMovieFolders(['/data/films']);
        },
        () => {
          s.library.setMovieFolders(['/data/media/movies', '/data/media']);
        },
      );
      expect(found.findings[0]?.summary).toContain(
        `Radarr root folder /data/media/movies is in no ${f.serverName} movie library (${f.moviesTitle}: /data/films)`,
      );
      expect(found.findings[0]?.suggestion).toMatch(new RegExp(`^${f.serverName} → .*Movies.*/data/media/movies`));
    });

    // Only a Jellyseerr stack has Settings → Jellyfin: the Plex run has no such check to flip.
    if (f.server === 'jellyfin')
      it("a stale Jellyfin API key in Jellyseerr's settings flips jellyseerr.jellyfin only, and no key is shown", async () => {
        const stale = '0badc0de0badc0de0badc0de0badc0de';
        const found = await withFault(
          'jellyseerr.jellyfin',
          () => {
            s.library.setRequestsLinkKey?.(stale);
          },
          () => {
            s.library.setRequestsLinkKey?.(undefined);
          },
        );
        expect(found.findings).toHaveLength(1);
        expect(found.findings[0]?.summary).toMatch(/^Jellyseerr cannot reach Jellyfin at http:\/\/127\.0\.0\.1:\d+: /);
        expect(found.findings[0]?.suggestion).toContain('Jellyseerr → Settings → Jellyfin');
        expect(JSON.stringify(found)).not.toContain(stale);
      });
  },
);
