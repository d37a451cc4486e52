/**
 * Sonarr v4 emulator: a stateful `/api/v3` on 127.0.0.1:<free port>; every reply is validated with
 * ajv against `shared/contracts/sonarr-v3-openapi.json` (violation → recorded + 500).
 *
 * Default seed (`empty: true` skips it): the stock quality profiles (ids 1–6, 4 = `HD-1080p`); root folder
 * `/data/media/tv`; qBittorrent download client (`gluetun:8080`, `tvCategory` `tv-sonarr`); one
 * Prowlarr-synced indexer `EmuTracker (Prowlarr)` (baseUrl `<prowlarrUrl>/1/`).
 *
 * Seed and fault API: the same `ArrSeeding` as Radarr (seedSyncedIndexer, seedIndexer, removeIndexer,
 * seedQbittorrent, removeDownloadClient, seedRootFolder, seedRemotePathMapping, seedQualityProfile,
 * setHealth, failIndexerTest, failDownloadClientTest), wrong key → 401, down()/up(), hang(true),
 * override(method, path, reply). Series: lookup (`tvdb:<id>` or title) over `SONARR_CATALOGUE`,
 * `POST /series` with Sonarr's validators, `GET /episode?seriesId=`; `importEpisode(seriesId, season,
 * episode)` gives an episode a file. Search commands complete without grabbing.
 */
import { arrSeeding, seedArrDefaults, type ArrSeeding } from '../arr-common/arr-seeding.js';
import { startArrServer, type ArrServer } from '../arr-common/arr-server.js';
import { createArrState, type ArrState } from '../arr-common/arr-state.js';
import { sonarrRoutes } from './sonarr-routes.js';
import type { SeriesRecord } from './sonarr-series.js';

export interface SonarrEmulatorOptions {
  readonly apiKey?: string;
  /** Serve under a URL base (reverse proxy), e.g. `/sonarr`. */
  readonly urlBase?: string;
  readonly prowlarrUrl?: string;
  readonly qbittorrent?: { readonly host: string; readonly port: number; readonly category?: string };
  readonly rootFolder?: string;
  readonly empty?: boolean;
}

export interface SonarrEmulator extends ArrServer, ArrSeeding {
  readonly apiKey: string;
  readonly state: ArrState;
  readonly series: readonly SeriesRecord[];
  importEpisode(seriesId: number, season: number, episode: number): void;
}

export const SONARR_API_KEY = 'emulatorsonarrapikey0123456789ab';

export async function startSonarrEmulator(options: SonarrEmulatorOptions = {}): Promise<SonarrEmulator> {
  const state = createArrState('Sonarr', '4.0.15.2941');
  state.urlBase = options.urlBase ?? '';
  const library: SeriesRecord[] = [];
  const seeding = arrSeeding(state, 'tvCategory');
  if (options.empty !== true) {
    const qb = options.qbittorrent ?? { host: 'gluetun', port: 8080 };
    seedArrDefaults(seeding, {
      rootFolder: options.rootFolder ?? '/data/media/tv', qbittorrent: { host: qb.host, port: qb.port, category: qb.category ?? 'tv-sonarr' },
      prowlarrUrl: options.prowlarrUrl ?? 'http://prowlarr:9696',
    });
  }
  const apiKey = options.apiKey ?? SONARR_API_KEY;
  const server = await startArrServer({ specFile: 'sonarr-v3-openapi.json', apiPath: '/api/v3', state, apiKey, routes: sonarrRoutes(library) });
  return Object.assign(server, seeding, {
    apiKey, state, series: library,
    importEpisode: (seriesId: number, season: number, episode: number) => {
      const record = library.find((s) => s.id === seriesId);
      if (record === undefined) throw new Error(`Sonarr emulator: no series ${seriesId}`);
      record.files.add(`${season}:${episode}`);
    },
  });
}
