import {
  nextId,
  qbittorrentClient,
  syncedIndexer,
  type ArrState,
  type HealthSeed,
  type IndexerSeed,
  type NotificationSeed,
  type ProviderSeed,
} from './arr-state.js';

/** Seed and fault helpers every Servarr emulator exposes (all return the created record). */
export interface ArrSeeding {
  /** A Prowlarr-synced Torznab indexer (`"<name> (Prowlarr)"`, baseUrl `<prowlarrUrl>/<id>/`). */
  readonly seedSyncedIndexer: (input: {
    prowlarrUrl: string;
    prowlarrIndexerId: number;
    name: string;
    apiKey?: string;
  }) => IndexerSeed;
  /** A hand-made indexer (not from Prowlarr); `fields.baseUrl` defaults to a public tracker URL. */
  readonly seedIndexer: (input: { name: string; fields?: IndexerSeed['fields']; enable?: boolean }) => IndexerSeed;
  readonly removeIndexer: (id: number) => void;
  readonly seedQbittorrent: (input: { host: string; port: number; category: string }) => ProviderSeed;
  readonly removeDownloadClient: (id: number) => void;
  /** A Connect → Plex Media Server entry (scan Plex on import when `onDownload`). */
  readonly seedPlexConnection: (input: { host: string; port: number; onDownload?: boolean }) => NotificationSeed;
  readonly seedRootFolder: (path: string, accessible?: boolean) => { id: number; path: string };
  readonly seedRemotePathMapping: (input: { host: string; remotePath: string; localPath: string }) => { id: number };
  readonly seedQualityProfile: (name: string) => { id: number; name: string };
  /** Replaces `/health`. */
  readonly setHealth: (items: readonly HealthSeed[]) => void;
  /** Makes `/indexer/test` (and testall) fail for that id with `message`; `undefined` heals it. */
  readonly failIndexerTest: (id: number, message: string | undefined) => void;
  readonly failDownloadClientTest: (id: number, message: string | undefined) => void;
}

function toggle(map: Map<number, string>, id: number, message: string | undefined): void {
  if (message === undefined) map.delete(id);
  else map.set(id, message);
}

export function arrSeeding(state: ArrState, categoryField: 'movieCategory' | 'tvCategory'): ArrSeeding {
  const push = <T>(list: T[], item: T): T => {
    list.push(item);
    return item;
  };
  const drop = (list: { id: number }[], id: number) => {
    const i = list.findIndex((x) => x.id === id);
    if (i >= 0) list.splice(i, 1);
  };
  return {
    seedSyncedIndexer: (input) =>
      push(state.indexers, syncedIndexer(state, { apiKey: 'emulated-prowlarr-key', ...input })),
    seedIndexer: ({ name, fields, enable = true }) =>
      push(state.indexers, {
        id: nextId(state, 'indexer'),
        name,
        implementation: 'Torznab',
        enable,
        protocol: 'torrent',
        priority: 25,
        tags: [],
        enableRss: enable,
        enableAutomaticSearch: enable,
        enableInteractiveSearch: enable,
        fields: fields ?? {
          baseUrl: 'https://tracker.example.org/',
          apiPath: '/api',
          apiKey: 'emulated-tracker-key',
          categories: [2000],
        },
      }),
    removeIndexer: (id) => {
      drop(state.indexers, id);
    },
    seedQbittorrent: (input) => push(state.downloadClients, qbittorrentClient(state, { ...input, categoryField })),
    removeDownloadClient: (id) => {
      drop(state.downloadClients, id);
    },
    seedPlexConnection: ({ host, port, onDownload = true }) =>
      push(state.notifications, {
        id: nextId(state, 'notification'),
        name: 'Plex',
        implementation: 'PlexServer',
        enable: true,
        protocol: 'torrent',
        priority: 0,
        tags: [],
        onDownload,
        onUpgrade: onDownload,
        fields: {
          host,
          port,
          useSsl: false,
          authToken: 'emulated-plex-token',
          updateLibrary: true,
          mapFrom: '',
          mapTo: '',
        },
      }),
    seedRootFolder: (path, accessible = true) =>
      push(state.rootFolders, { id: nextId(state, 'rootfolder'), path, accessible, freeSpace: 500_000_000_000 }),
    seedRemotePathMapping: (input) =>
      push(state.remotePathMappings, { id: nextId(state, 'remotepathmapping'), ...input }),
    seedQualityProfile: (name) => push(state.qualityProfiles, { id: nextId(state, 'qualityprofile'), name }),
    setHealth: (items) => {
      state.health.splice(0, state.health.length, ...items);
    },
    failIndexerTest: (id, message) => {
      toggle(state.failingIndexerTests, id, message);
    },
    failDownloadClientTest: (id, message) => {
      toggle(state.failingDownloadClientTests, id, message);
    },
  };
}

/** Radarr/Sonarr's stock quality profiles, with their stock ids 1–6 (Overseerr's default `activeProfileId` 4 = HD-1080p). */
export const STOCK_PROFILES = ['Any', 'SD', 'HD-720p', 'HD-1080p', 'Ultra-HD', 'HD - 720p/1080p'] as const;

/** The default Radarr/Sonarr seed: stock profiles, one root folder, qBittorrent, one Prowlarr-synced indexer. */
export function seedArrDefaults(
  seeding: ArrSeeding,
  input: { rootFolder: string; qbittorrent: { host: string; port: number; category: string }; prowlarrUrl: string },
): void {
  for (const name of STOCK_PROFILES) seeding.seedQualityProfile(name);
  seeding.seedRootFolder(input.rootFolder);
  seeding.seedQbittorrent(input.qbittorrent);
  seeding.seedSyncedIndexer({ prowlarrUrl: input.prowlarrUrl, prowlarrIndexerId: 1, name: 'EmuTracker' });
}
