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
import type { ArrSeeding } from '../arr-common/arr-seeding.js';
import { startArrServer, type ArrServer } from '../arr-common/arr-server.js';
import type { ArrState } from '../arr-common/arr-state.js';
import { setUpServarr, type ServarrOptions } from '../arr-common/servarr-setup.js';
import { sonarrRoutes } from './sonarr-routes.js';
import type { SeriesRecord } from './sonarr-series.js';

/** Sonarr takes the common Servarr options (default category `tv-sonarr`, root folder `/data/media/tv`). */
export type SonarrEmulatorOptions = ServarrOptions;

export interface SonarrEmulator extends ArrServer, ArrSeeding {
  readonly apiKey: string;
  readonly state: ArrState;
  readonly series: readonly SeriesRecord[];
  importEpisode(seriesId: number, season: number, episode: number): void;
}

export const SONARR_API_KEY = 'emulatorsonarrapikey0123456789ab';

export async function startSonarrEmulator(options: SonarrEmulatorOptions = {}): Promise<SonarrEmulator> {
  const { state, seeding, apiKey } = setUpServarr(
    {
      appName: 'Sonarr',
      version: '4.0.15.2941',
      categoryField: 'tvCategory',
      apiKey: SONARR_API_KEY,
      rootFolder: '/data/media/tv',
      category: 'tv-sonarr',
    },
    options,
  );
  const library: SeriesRecord[] = [];
  const server = await startArrServer({
    specFile: 'sonarr-v3-openapi.json',
    apiPath: '/api/v3',
    state,
    apiKey,
    routes: sonarrRoutes(library),
  });
  return Object.assign(server, seeding, {
    apiKey,
    state,
    series: library,
    importEpisode: (seriesId: number, season: number, episode: number) => {
      const record = library.find((s) => s.id === seriesId);
      if (record === undefined) throw new Error(`Sonarr emulator: no series ${seriesId}`);
      record.files.add(`${season}:${episode}`);
    },
  });
}
