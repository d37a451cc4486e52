import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { callMedia, type MediaCall, type MediaTarget } from './media-http.js';
import { expectOk, statusError } from './media-reply.js';
import {
  isPlexTrue,
  plexHubsSchema,
  plexIdentitySchema,
  plexItemsSchema,
  plexPrefsSchema,
  plexSectionsSchema,
  plexSessionsSchema,
  type plexMetadataSchema,
} from './plex-schemas.js';

export interface PlexClientOptions {
  readonly url: string;
  /** Sent as `X-Plex-Token` (never in the URL). */
  readonly token: string;
  readonly timeoutMs?: number;
  /** Stable `X-Plex-Client-Identifier` (default: a random UUID per client). */
  readonly clientId?: string;
  readonly fetch?: typeof fetch;
}

export interface PlexIdentity {
  readonly machineIdentifier: string;
  readonly version: string;
  readonly claimed: boolean;
}
export interface PlexSection {
  readonly key: string;
  readonly type: string;
  readonly title: string;
  readonly agent?: string;
  readonly refreshing: boolean;
  readonly locations: string[];
}
/** The server-wide library scan switches (there is no per-section auto-scan). */
export interface PlexAutoScan {
  readonly automatic: boolean;
  readonly partial: boolean;
  readonly scheduled: boolean;
  readonly intervalSeconds?: number;
}
export interface PlexItem {
  readonly ratingKey: string;
  readonly title: string;
  readonly year?: number;
  readonly guids: string[];
  readonly files: string[];
  readonly addedAt?: number;
}

/** Plex Media Server, JSON flavour. Every method takes an optional AbortSignal. */
export interface PlexClient {
  identity(signal?: AbortSignal): Promise<PlexIdentity>;
  /** Library sections with their folders as Plex sees them. */
  sections(signal?: AbortSignal): Promise<PlexSection[]>;
  /** Raw `/:/prefs` values by id. */
  prefs(signal?: AbortSignal): Promise<Map<string, unknown>>;
  autoScan(signal?: AbortSignal): Promise<PlexAutoScan>;
  /** `GET /library/sections/{key}/all` (`type` 1 movie, 2 show; `title` substring filter) with Guids. */
  sectionItems(
    key: string,
    filter?: { readonly type?: number; readonly title?: string },
    signal?: AbortSignal,
  ): Promise<PlexItem[]>;
  /** Starts a scan of the section, or of one folder when `path` is given. */
  refreshSection(key: string, path?: string, signal?: AbortSignal): Promise<void>;
  search(query: string, sectionId?: string, signal?: AbortSignal): Promise<PlexItem[]>;
  /** Number of playing sessions. */
  sessionCount(signal?: AbortSignal): Promise<number>;
}

const toItem = (m: z.infer<typeof plexMetadataSchema>): PlexItem => ({
  ratingKey: m.ratingKey,
  title: m.title,
  guids: m.Guid.map((g) => g.id),
  files: m.Media.flatMap((x) => x.Part.flatMap((p) => (p.file === undefined ? [] : [p.file]))),
  ...(m.year === undefined ? {} : { year: m.year }),
  ...(m.addedAt === undefined ? {} : { addedAt: m.addedAt }),
});

export function createPlexClient(options: PlexClientOptions): PlexClient {
  const target: MediaTarget = {
    service: 'Plex',
    url: options.url,
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    headers: {
      'X-Plex-Token': options.token,
      'X-Plex-Client-Identifier': options.clientId ?? randomUUID(),
      'X-Plex-Product': 'homelab-bot',
      'X-Plex-Version': '1',
    },
  };
  const get = async <S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal, query?: MediaCall['query']) =>
    expectOk(
      await callMedia(target, { method: 'GET', path, signal, ...(query === undefined ? {} : { query }) }),
      schema,
    );
  const client: PlexClient = {
    identity: async (signal) => {
      const c = (await get('/identity', plexIdentitySchema, signal)).MediaContainer;
      return { machineIdentifier: c.machineIdentifier, version: c.version, claimed: c.claimed ?? false };
    },
    sections: async (signal) =>
      (await get('/library/sections', plexSectionsSchema, signal)).MediaContainer.Directory.map((d) => ({
        key: d.key,
        type: d.type,
        title: d.title,
        refreshing: d.refreshing ?? false,
        locations: d.Location.map((l) => l.path),
        ...(d.agent === undefined ? {} : { agent: d.agent }),
      })),
    prefs: async (signal) =>
      new Map((await get('/:/prefs', plexPrefsSchema, signal)).MediaContainer.Setting.map((s) => [s.id, s.value])),
    autoScan: async (signal) => {
      const prefs = await client.prefs(signal);
      const interval = Number(prefs.get('ScheduledLibraryUpdateInterval'));
      return {
        automatic: isPlexTrue(prefs.get('FSEventLibraryUpdatesEnabled')),
        partial: isPlexTrue(prefs.get('FSEventLibraryPartialScanEnabled')),
        scheduled: isPlexTrue(prefs.get('ScheduledLibraryUpdatesEnabled')),
        ...(Number.isFinite(interval) && interval > 0 ? { intervalSeconds: interval } : {}),
      };
    },
    sectionItems: async (key, filter = {}, signal) =>
      (
        await get(`/library/sections/${encodeURIComponent(key)}/all`, plexItemsSchema, signal, {
          includeGuids: 1,
          type: filter.type,
          title: filter.title,
        })
      ).MediaContainer.Metadata.map(toItem),
    refreshSection: async (key, path, signal) => {
      const reply = await callMedia(target, {
        method: 'GET',
        path: `/library/sections/${encodeURIComponent(key)}/refresh`,
        signal,
        ...(path === undefined ? {} : { query: { path } }),
      });
      if (reply.status < 200 || reply.status > 299) throw statusError(reply);
    },
    search: async (query, sectionId, signal) =>
      (await get('/hubs/search', plexHubsSchema, signal, { query, sectionId, limit: 20 })).MediaContainer.Hub.flatMap(
        (h) => h.Metadata.map(toItem),
      ),
    sessionCount: async (signal) => (await get('/status/sessions', plexSessionsSchema, signal)).MediaContainer.size,
  };
  return client;
}
