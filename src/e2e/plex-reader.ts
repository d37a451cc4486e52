import { z } from 'zod';
import { getOk, type HttpTarget } from './http-json.js';

const sectionsSchema = z.looseObject({
  MediaContainer: z.looseObject({
    Directory: z.array(z.looseObject({ key: z.string(), type: z.string(), title: z.string(), Location: z.array(z.looseObject({ path: z.string() })).optional() })).optional(),
  }),
});
const itemsSchema = z.looseObject({
  MediaContainer: z.looseObject({
    Metadata: z.array(z.looseObject({ title: z.string().optional(), Guid: z.array(z.looseObject({ id: z.string() })).optional() })).optional(),
  }),
});

export interface PlexSection {
  readonly key: string;
  readonly title: string;
  readonly locations: readonly string[];
}

/** The Plex reads `/e2e` needs (JSON via `Accept`). */
export interface PlexReader {
  movieSections(): Promise<PlexSection[]>;
  /** Number of movies in the section, and whether one carries the `tmdb://<id>` guid. */
  findTmdb(sectionKey: string, tmdbId: number): Promise<{ found: boolean; count: number }>;
  /** Asks Plex to scan the section (optionally one folder); asynchronous on Plex's side. */
  refresh(sectionKey: string, path?: string): Promise<void>;
}

export function plexReader(url: string, token: string, timeoutMs: number): PlexReader {
  const target: HttpTarget = { service: 'Plex', baseUrl: url, headers: { 'X-Plex-Token': token }, timeoutMs };
  return {
    movieSections: async () => {
      const body = sectionsSchema.parse(await getOk(target, '/library/sections'));
      return (body.MediaContainer.Directory ?? []).filter((d) => d.type === 'movie')
        .map((d) => ({ key: d.key, title: d.title, locations: (d.Location ?? []).map((l) => l.path) }));
    },
    findTmdb: async (sectionKey, tmdbId) => {
      const body = itemsSchema.parse(await getOk(target, `/library/sections/${sectionKey}/all`, { query: { type: 1, includeGuids: 1 } }));
      const items = body.MediaContainer.Metadata ?? [];
      return { found: items.some((m) => (m.Guid ?? []).some((g) => g.id === `tmdb://${tmdbId}`)), count: items.length };
    },
    refresh: async (sectionKey, path) => {
      await getOk(target, `/library/sections/${sectionKey}/refresh`, path === undefined ? {} : { query: { path } });
    },
  };
}
