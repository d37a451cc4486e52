/**
 * Prowlarr v1 emulator: a stateful `/api/v1` on 127.0.0.1:<free port>; every reply is validated with
 * ajv against `shared/contracts/prowlarr-v1-openapi.json` (violation → recorded + 500).
 *
 * Default seed (`empty: true` skips it): indexer 1 `EmuTracker` (Torznab, torrent) with releases for
 * the Radarr catalogue titles (e.g. `The.Matrix.1999.1080p.BluRay.x264-EMU`) and a `Test Query` release;
 * applications `Radarr` (baseUrl `radarrUrl`, default `http://radarr:7878`) and `Sonarr` (`sonarrUrl`,
 * default `http://sonarr:8989`), both with `prowlarrUrl` = `options.prowlarrUrl` (default
 * `http://prowlarr:9696`) and `syncLevel: fullSync`.
 *
 * Seed API: seedIndexer({name}), removeIndexer(id), seedRelease({indexerId, title, categories?}),
 * seedApplication({implementation, baseUrl, prowlarrUrl?, apiKey?}), removeApplication(id), setHealth.
 * Faults: wrong API key → 401; down()/up(); hang(true); failIndexerTest(id, msg) (/indexer/test(all));
 * failSearch(indexerId, msg) → `/search` answers 400 `{message}` like an indexer failure;
 * failApplicationTest(id, msg); override(method, path, reply) for raw replies.
 * Search: `GET /search?query=` returns releases whose titles contain every query word
 * (`indexerIds`, `categories`, `limit` honoured).
 */
import { arrSeeding, type ArrSeeding } from '../arr-common/arr-seeding.js';
import { startArrServer, type ArrServer } from '../arr-common/arr-server.js';
import { createArrState, nextId, type ArrState, type IndexerSeed } from '../arr-common/arr-state.js';
import { RADARR_CATALOGUE } from '../radarr/radarr-catalogue.js';
import type { ApplicationSeed, ReleaseSeed } from './prowlarr-json.js';
import { prowlarrRoutes, type ProwlarrExtra } from './prowlarr-routes.js';

export interface ProwlarrEmulatorOptions {
  readonly apiKey?: string;
  /** Serve under a URL base (reverse proxy), e.g. `/prowlarr`. */
  readonly urlBase?: string;
  /** How the apps reach Prowlarr (the `prowlarrUrl` application field). */
  readonly prowlarrUrl?: string;
  readonly radarrUrl?: string;
  readonly sonarrUrl?: string;
  readonly empty?: boolean;
}

export interface ProwlarrEmulator
  extends ArrServer, Pick<ArrSeeding, 'removeIndexer' | 'setHealth' | 'failIndexerTest'> {
  readonly apiKey: string;
  readonly state: ArrState;
  readonly extra: ProwlarrExtra;
  seedIndexer(input: { name: string; baseUrl?: string; enable?: boolean }): IndexerSeed;
  seedRelease(input: { indexerId: number; title: string; categories?: readonly number[]; size?: number }): ReleaseSeed;
  seedApplication(input: {
    implementation: 'Radarr' | 'Sonarr';
    baseUrl: string;
    prowlarrUrl?: string;
    apiKey?: string;
    syncLevel?: ApplicationSeed['syncLevel'];
  }): ApplicationSeed;
  removeApplication(id: number): void;
  failSearch(indexerId: number, message: string | undefined): void;
  failApplicationTest(id: number, message: string | undefined): void;
}

export const PROWLARR_API_KEY = 'emulatorprowlarrapikey0123456789';

const toggle = (map: Map<number, string>, id: number, text: string | undefined) => {
  if (text === undefined) map.delete(id);
  else map.set(id, text);
};

export async function startProwlarrEmulator(options: ProwlarrEmulatorOptions = {}): Promise<ProwlarrEmulator> {
  const state = createArrState('Prowlarr', '2.3.6.5238');
  state.urlBase = options.urlBase ?? '';
  const extra: ProwlarrExtra = {
    applications: [],
    releases: [],
    failingSearch: new Map(),
    failingApplicationTests: new Map(),
  };
  const seeding = arrSeeding(state, 'movieCategory');
  const prowlarrUrl = options.prowlarrUrl ?? 'http://prowlarr:9696';
  const api = {
    seedIndexer: ({ name, baseUrl, enable = true }: { name: string; baseUrl?: string; enable?: boolean }) =>
      seeding.seedIndexer({
        name,
        enable,
        fields: { baseUrl: baseUrl ?? `https://${name.toLowerCase()}.example.org/`, apiKey: 'emulated-tracker-key' },
      }),
    seedRelease: (input: { indexerId: number; title: string; categories?: readonly number[]; size?: number }) => {
      const release = {
        indexerId: input.indexerId,
        title: input.title,
        categories: input.categories ?? [2000, 2040],
        size: input.size ?? 734_003_200,
        seeders: 25,
      };
      extra.releases.push(release);
      return release;
    },
    seedApplication: (input: {
      implementation: 'Radarr' | 'Sonarr';
      baseUrl: string;
      prowlarrUrl?: string;
      apiKey?: string;
      syncLevel?: ApplicationSeed['syncLevel'];
    }) => {
      const app: ApplicationSeed = {
        id: nextId(state, 'applications'),
        name: input.implementation,
        implementation: input.implementation,
        syncLevel: input.syncLevel ?? 'fullSync',
        fields: {
          prowlarrUrl: input.prowlarrUrl ?? prowlarrUrl,
          baseUrl: input.baseUrl,
          apiKey: input.apiKey ?? 'emulated-app-key',
          syncCategories: input.implementation === 'Radarr' ? [2000, 2040] : [5000, 5040],
        },
      };
      extra.applications.push(app);
      return app;
    },
    removeApplication: (id: number) => {
      const i = extra.applications.findIndex((a) => a.id === id);
      if (i >= 0) extra.applications.splice(i, 1);
    },
    failSearch: (id: number, text: string | undefined) => {
      toggle(extra.failingSearch, id, text);
    },
    failApplicationTest: (id: number, text: string | undefined) => {
      toggle(extra.failingApplicationTests, id, text);
    },
  };
  if (options.empty !== true) {
    const tracker = api.seedIndexer({ name: 'EmuTracker' });
    for (const m of RADARR_CATALOGUE) {
      api.seedRelease({
        indexerId: tracker.id,
        title: `${m.title
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/[^A-Za-z0-9]+/g, '.')}.${m.year}.1080p.BluRay.x264-EMU`,
      });
    }
    api.seedRelease({ indexerId: tracker.id, title: 'Test.Query.2024.1080p.WEB-DL-EMU' });
    api.seedApplication({ implementation: 'Radarr', baseUrl: options.radarrUrl ?? 'http://radarr:7878' });
    api.seedApplication({ implementation: 'Sonarr', baseUrl: options.sonarrUrl ?? 'http://sonarr:8989' });
  }
  const apiKey = options.apiKey ?? PROWLARR_API_KEY;
  const server = await startArrServer({
    specFile: 'prowlarr-v1-openapi.json',
    apiPath: '/api/v1',
    state,
    apiKey,
    routes: prowlarrRoutes(extra),
  });
  return Object.assign(server, api, {
    apiKey,
    state,
    extra,
    removeIndexer: seeding.removeIndexer,
    setHealth: seeding.setHealth,
    failIndexerTest: seeding.failIndexerTest,
  });
}
