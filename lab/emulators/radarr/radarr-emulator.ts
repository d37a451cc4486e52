/**
 * Radarr v3 emulator: a stateful `/api/v3` on 127.0.0.1:<free port>. Every reply is validated with
 * ajv against `shared/contracts/radarr-v3-openapi.json` (201/202 use the 200 schema); a violation is
 * recorded in `violations` and the reply becomes a 500, so the calling test fails.
 *
 * Default seed (`empty: true` skips it): the stock quality profiles (ids 1–6, 4 = `HD-1080p`); root folder
 * `/data/media/movies`; a qBittorrent download client (`gluetun:8080`, category `radarr`); one
 * Prowlarr-synced indexer `EmuTracker (Prowlarr)` (baseUrl `<prowlarrUrl>/1/`). `/health` is empty.
 *
 * Seed API (`ArrSeeding`): seedSyncedIndexer, seedIndexer, removeIndexer, seedQbittorrent,
 * removeDownloadClient, seedPlexConnection (Connect → Plex, `/notification`), seedRootFolder, seedRemotePathMapping, seedQualityProfile, setHealth.
 * Faults: wrong/missing API key → 401 (empty body, like Servarr); `down()` / `up()` (refused);
 * `hang(true)` (accept, never answer); `failIndexerTest(id, msg)`, `failDownloadClientTest(id, msg)`
 * (→ 400 failure list on /test, isValid false on /testall); `override(method, path, reply)` for a
 * raw reply (bad JSON, 500); `state.version` for an old version.
 *
 * Movie lifecycle (for end-to-end tests): `POST /movie` (validates tmdbId unique, root folder and
 * profile exist; `addOptions.searchForMovie` queues a search) → `POST /command MoviesSearch
 * {movieIds}` → for each monitored movie without a file: the first enabled, non-failing indexer
 * "finds" a release, `onGrab(grab)` is awaited (it may return the real `infoHash` / `outputPath`),
 * a queue item (`downloadId` = upper-case hash) and a `grabbed` history row appear; the command
 * completes (or fails when no download client exists / the hook throws). `setQueue(movieId, patch)`
 * moves the download along; `importFile(movieId, path)` sets `hasFile`/`movieFile`, removes the queue
 * item and records `downloadFolderImported`. Lookup knows the titles in `RADARR_CATALOGUE`.
 */
import type { ArrSeeding } from '../arr-common/arr-seeding.js';
import { startArrServer, type ArrServer } from '../arr-common/arr-server.js';
import type { ArrState, QueueItem } from '../arr-common/arr-state.js';
import { setUpServarr, type ServarrOptions } from '../arr-common/servarr-setup.js';
import { importFile, type Lifecycle, type OnGrab } from './radarr-lifecycle.js';
import type { MovieRecord } from './radarr-movie-json.js';
import { radarrRoutes } from './radarr-routes.js';

/** Radarr takes the common Servarr options (default category `radarr`, root folder `/data/media/movies`). */
export type RadarrEmulatorOptions = ServarrOptions;

export interface RadarrEmulator extends ArrServer, ArrSeeding {
  readonly apiKey: string;
  readonly state: ArrState;
  readonly movies: readonly MovieRecord[];
  /** Called on each grab; `undefined` removes the hook. */
  onGrab(hook: OnGrab | undefined): void;
  setQueue(
    movieId: number,
    patch: Partial<
      Pick<
        QueueItem,
        'sizeleft' | 'status' | 'trackedDownloadState' | 'trackedDownloadStatus' | 'outputPath' | 'errorMessage'
      >
    >,
  ): void;
  importFile(movieId: number, path: string, size?: number): MovieRecord;
}

export const RADARR_API_KEY = 'emulatorradarrapikey0123456789ab';

export async function startRadarrEmulator(options: RadarrEmulatorOptions = {}): Promise<RadarrEmulator> {
  const { state, seeding, apiKey } = setUpServarr(
    {
      appName: 'Radarr',
      version: '5.26.2.10099',
      categoryField: 'movieCategory',
      apiKey: RADARR_API_KEY,
      rootFolder: '/data/media/movies',
      category: 'radarr',
    },
    options,
  );
  const life: Lifecycle = { state, movies: [], onGrab: undefined };
  const server = await startArrServer({
    specFile: 'radarr-v3-openapi.json',
    apiPath: '/api/v3',
    state,
    apiKey,
    routes: radarrRoutes(life),
  });
  return Object.assign(server, seeding, {
    apiKey,
    state,
    movies: life.movies,
    onGrab: (hook: OnGrab | undefined) => {
      life.onGrab = hook;
    },
    setQueue: (movieId: number, patch: Partial<QueueItem>) => {
      const item = state.queue.find((q) => q.movieId === movieId);
      if (item === undefined) throw new Error(`Radarr emulator: nothing queued for movie ${movieId}`);
      Object.assign(item, patch);
    },
    importFile: (movieId: number, path: string, size?: number) => importFile(life, movieId, path, size),
  });
}
