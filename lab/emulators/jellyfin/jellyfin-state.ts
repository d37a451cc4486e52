/** The emulated Jellyfin server's libraries, items and scheduled tasks. */
export interface JellyfinItemRecord {
  readonly id: string;
  readonly name: string;
  readonly year: number;
  readonly path: string;
  readonly tmdbId?: string;
}

export interface JellyfinLibraryRecord {
  readonly id: string;
  name: string;
  readonly collectionType: 'movies' | 'tvshows';
  readonly locations: string[];
  realtimeMonitor: boolean;
  readonly items: JellyfinItemRecord[];
}

export interface JellyfinState {
  readonly serverId: string;
  readonly serverName: string;
  version: string;
  readonly libraries: JellyfinLibraryRecord[];
  /** Triggers of the "Scan Media Library" task (`RefreshLibrary`); empty = never scheduled. */
  readonly scanTriggers: { Type: 'IntervalTrigger' | 'DailyTrigger'; IntervalTicks?: number }[];
  /** Users (Jellyseerr's `/settings/jellyfin/users` lists them). */
  readonly users: { readonly id: string; readonly name: string }[];
  /** Every `POST /Library/Refresh`. */
  refreshes: number;
  nextId: number;
}

export function createJellyfinState(): JellyfinState {
  return {
    serverId: 'f1e2d3c4b5a697887766554433221100',
    serverName: 'emu-jellyfin',
    version: '10.11.11',
    libraries: [],
    scanTriggers: [{ Type: 'IntervalTrigger', IntervalTicks: 12 * 36_000_000_000 }],
    users: [
      { id: '0c1d2e3f-4051-4273-8495-a6b7c8d9e0f1', name: 'admin' },
      { id: '1c1d2e3f-4051-4273-8495-a6b7c8d9e0f2', name: 'fran' },
    ],
    refreshes: 0,
    nextId: 1,
  };
}

/**
 * A Jellyfin item id. The server writes GUIDs without dashes, but the spec types `Id`/`ParentId` as
 * `format: uuid`, so the emulator sends the dashed form the contract validates (clients treat ids as opaque).
 */
export const jellyfinId = (n: number, prefix = 'a'): string =>
  `${prefix}${String(n).padStart(7, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
