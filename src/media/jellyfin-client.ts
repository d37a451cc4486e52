import type { z } from 'zod';
import { callMedia, type MediaCall, type MediaTarget } from './media-http.js';
import { expectOk, okReply } from './media-reply.js';
import {
  jellyfinItemsSchema,
  jellyfinSystemInfoSchema,
  jellyfinTasksSchema,
  jellyfinVirtualFoldersSchema,
} from './jellyfin-schemas.js';

export interface JellyfinClientOptions {
  readonly url: string;
  /** Sent as `Authorization: MediaBrowser Token="…"` (never in the URL). */
  readonly apiKey: string;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** One Jellyfin library ("virtual folder") with its folders as Jellyfin sees them. */
export interface JellyfinLibrary {
  /** The library's item id (the `parentId` of its items). */
  readonly id: string;
  readonly name: string;
  /** `movies`, `tvshows`, … (`mixed` when unset). */
  readonly collectionType: string;
  readonly locations: string[];
  /** Library → Manage library → "Enable real time monitoring". */
  readonly realtimeMonitor: boolean;
}

export interface JellyfinItem {
  readonly id: string;
  readonly name: string;
  readonly year?: number;
  readonly tmdbId?: string;
  readonly path?: string;
}

/** Jellyfin Server REST API, as the bot uses it. Every method takes an optional AbortSignal. */
export interface JellyfinClient {
  systemInfo(
    signal?: AbortSignal,
  ): Promise<{ readonly serverName: string; readonly version: string; readonly id: string }>;
  libraries(signal?: AbortSignal): Promise<JellyfinLibrary[]>;
  /** Number of triggers of the "Scan Media Library" scheduled task (key `RefreshLibrary`); undefined when there is no such task. */
  libraryScanTriggers(signal?: AbortSignal): Promise<number | undefined>;
  /** Movies (recursively) below a library, with their TMDB id and file path. */
  movies(libraryId: string, signal?: AbortSignal): Promise<JellyfinItem[]>;
  /** `POST /Library/Refresh`: scans every library. */
  refreshLibrary(signal?: AbortSignal): Promise<void>;
}

/** The header Jellyfin 10.x accepts for an API key (`X-Emby-Token` is the legacy form). */
export const jellyfinAuthHeader = (apiKey: string): Record<string, string> => ({
  Authorization: `MediaBrowser Client="homelab-bot", Device="homelab-bot", DeviceId="homelab-bot", Version="1", Token="${apiKey}"`,
});

export function createJellyfinClient(options: JellyfinClientOptions): JellyfinClient {
  const target: MediaTarget = {
    service: 'Jellyfin',
    url: options.url,
    timeoutMs: options.timeoutMs ?? 10_000,
    headers: jellyfinAuthHeader(options.apiKey),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
  const get = async <S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal, query?: MediaCall['query']) =>
    expectOk(
      await callMedia(target, { method: 'GET', path, signal, ...(query === undefined ? {} : { query }) }),
      schema,
    );
  return {
    systemInfo: async (signal) => {
      const info = await get('/System/Info', jellyfinSystemInfoSchema, signal);
      return { serverName: info.ServerName ?? '', version: info.Version ?? '', id: info.Id ?? '' };
    },
    libraries: async (signal) =>
      (await get('/Library/VirtualFolders', jellyfinVirtualFoldersSchema, signal)).map((f) => ({
        id: f.ItemId ?? '',
        name: f.Name ?? '',
        collectionType: f.CollectionType ?? 'mixed',
        locations: f.Locations ?? [],
        realtimeMonitor: f.LibraryOptions?.EnableRealtimeMonitor === true,
      })),
    libraryScanTriggers: async (signal) => {
      const task = (await get('/ScheduledTasks', jellyfinTasksSchema, signal)).find((t) => t.Key === 'RefreshLibrary');
      return task === undefined ? undefined : (task.Triggers ?? []).length;
    },
    movies: async (libraryId, signal) =>
      (
        await get('/Items', jellyfinItemsSchema, signal, {
          parentId: libraryId,
          recursive: true,
          includeItemTypes: 'Movie',
          fields: 'ProviderIds,Path',
        })
      ).Items.map((i) => ({
        id: i.Id ?? '',
        name: i.Name ?? '',
        ...(typeof i.ProductionYear === 'number' ? { year: i.ProductionYear } : {}),
        ...(typeof i.ProviderIds?.Tmdb === 'string' ? { tmdbId: i.ProviderIds.Tmdb } : {}),
        ...(typeof i.Path === 'string' ? { path: i.Path } : {}),
      })),
    refreshLibrary: async (signal) => {
      okReply(await callMedia(target, { method: 'POST', path: '/Library/Refresh', signal }));
    },
  };
}
