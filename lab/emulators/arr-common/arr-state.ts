/** Plain-data state shared by the Radarr, Sonarr and Prowlarr emulators (rendered to spec JSON by arr-json.ts). */

/** A provider field value; `privacy` ones are masked as `********` on the wire. */
export type FieldValue = string | number | boolean | readonly number[] | null;

export interface ProviderSeed {
  readonly id: number;
  name: string;
  implementation: string;
  enable: boolean;
  protocol: 'torrent' | 'usenet';
  priority: number;
  readonly fields: Record<string, FieldValue>;
  tags: number[];
}

export interface IndexerSeed extends ProviderSeed {
  enableRss: boolean;
  enableAutomaticSearch: boolean;
  enableInteractiveSearch: boolean;
}

/** A Connect entry (`/notification`), e.g. `PlexServer` which asks Plex to scan after each import. */
export interface NotificationSeed extends ProviderSeed {
  onDownload: boolean;
  onUpgrade: boolean;
}

export interface HealthSeed {
  readonly source: string;
  readonly type: 'ok' | 'notice' | 'warning' | 'error';
  readonly message: string;
  readonly wikiUrl?: string;
}

export interface CommandRecord {
  readonly id: number;
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
  status: 'queued' | 'started' | 'completed' | 'failed';
  result: 'unknown' | 'successful' | 'unsuccessful';
  message?: string;
  exception?: string;
  readonly queued: string;
  started?: string;
  ended?: string;
}

/** A download Radarr/Sonarr tracks (`/queue`). */
export interface QueueItem {
  readonly id: number;
  readonly movieId?: number;
  readonly seriesId?: number;
  readonly title: string;
  /** Upper-case info hash, as Radarr shows qBittorrent downloads. */
  readonly downloadId: string;
  readonly downloadClient: string;
  readonly indexer: string;
  readonly size: number;
  sizeleft: number;
  status: 'queued' | 'paused' | 'downloading' | 'completed' | 'failed' | 'warning';
  trackedDownloadState: 'downloading' | 'importPending' | 'importing' | 'imported' | 'importBlocked' | 'failed';
  trackedDownloadStatus: 'ok' | 'warning' | 'error';
  outputPath?: string;
  errorMessage?: string;
  readonly added: string;
}

export interface HistoryItem {
  readonly id: number;
  readonly movieId?: number;
  readonly seriesId?: number;
  readonly sourceTitle: string;
  readonly eventType: string;
  readonly downloadId?: string;
  readonly date: string;
  readonly data: Readonly<Record<string, string>>;
}

/** Everything a Servarr emulator holds; tests may mutate it directly or through the seed helpers. */
export interface ArrState {
  readonly appName: 'Radarr' | 'Sonarr' | 'Prowlarr';
  version: string;
  /** Settings → General → URL Base (reverse proxy), e.g. `/radarr`; `''` = none. Fixed at start. */
  urlBase: string;
  readonly indexers: IndexerSeed[];
  readonly downloadClients: ProviderSeed[];
  readonly notifications: NotificationSeed[];
  readonly remotePathMappings: { readonly id: number; host: string; remotePath: string; localPath: string }[];
  readonly rootFolders: { readonly id: number; path: string; accessible: boolean; freeSpace: number }[];
  readonly qualityProfiles: { readonly id: number; name: string }[];
  readonly health: HealthSeed[];
  readonly commands: CommandRecord[];
  readonly queue: QueueItem[];
  readonly history: HistoryItem[];
  /** Provider id → failure message returned by `/test` and `/testall`. */
  readonly failingIndexerTests: Map<number, string>;
  readonly failingDownloadClientTests: Map<number, string>;
  /** Per-table id counters (each Servarr table numbers its rows from 1). */
  readonly ids: Map<string, number>;
  readonly now: () => Date;
}

export function createArrState(appName: ArrState['appName'], version: string): ArrState {
  return {
    appName,
    version,
    urlBase: '',
    indexers: [],
    downloadClients: [],
    notifications: [],
    remotePathMappings: [],
    rootFolders: [],
    qualityProfiles: [],
    health: [],
    commands: [],
    queue: [],
    history: [],
    failingIndexerTests: new Map(),
    failingDownloadClientTests: new Map(),
    ids: new Map(),
    now: () => new Date(),
  };
}

/** The next id of a table (`indexer`, `movie`, `queue`…), from 1 like a fresh database. */
export function nextId(state: ArrState, table: string): number {
  const id = (state.ids.get(table) ?? 0) + 1;
  state.ids.set(table, id);
  return id;
}

/** A Torznab indexer as Prowlarr syncs it: `"<name> (Prowlarr)"`, `baseUrl = <prowlarrUrl>/<prowlarrIndexerId>/`. */
export function syncedIndexer(
  state: ArrState,
  input: { prowlarrUrl: string; prowlarrIndexerId: number; name: string; apiKey: string },
): IndexerSeed {
  return {
    id: nextId(state, 'indexer'),
    name: `${input.name} (Prowlarr)`,
    implementation: 'Torznab',
    enable: true,
    protocol: 'torrent',
    priority: 25,
    tags: [],
    enableRss: true,
    enableAutomaticSearch: true,
    enableInteractiveSearch: true,
    fields: {
      baseUrl: `${input.prowlarrUrl.replace(/\/+$/, '')}/${input.prowlarrIndexerId}/`,
      apiPath: '/api',
      apiKey: input.apiKey,
      categories: [2000, 2040],
      minimumSeeders: 1,
      'seedCriteria.seedRatio': null,
      'seedCriteria.seedTime': null,
    },
  };
}

/** A qBittorrent download client; `categoryField` is `movieCategory` (Radarr) or `tvCategory` (Sonarr). */
export function qbittorrentClient(
  state: ArrState,
  input: {
    host: string;
    port: number;
    category: string;
    categoryField: 'movieCategory' | 'tvCategory';
    username?: string;
    password?: string;
  },
): ProviderSeed {
  return {
    id: nextId(state, 'downloadclient'),
    name: 'qBittorrent',
    implementation: 'QBittorrent',
    enable: true,
    protocol: 'torrent',
    priority: 1,
    tags: [],
    fields: {
      host: input.host,
      port: input.port,
      useSsl: false,
      urlBase: '',
      username: input.username ?? 'admin',
      password: input.password ?? 'emulated-secret',
      [input.categoryField]: input.category,
      initialState: 0,
      sequentialOrder: false,
      firstAndLast: false,
      contentLayout: 0,
    },
  };
}
