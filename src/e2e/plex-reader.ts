import { createPlexClient, type PlexClientOptions } from '../media/plex-client.js';

export interface PlexSection {
  readonly key: string;
  readonly title: string;
  readonly locations: readonly string[];
}

/** The Plex reads `/e2e` needs, over the shared Plex client. */
export interface PlexReader {
  movieSections(): Promise<PlexSection[]>;
  /** Number of movies in the section, and whether one carries the `tmdb://<id>` guid. */
  findTmdb(sectionKey: string, tmdbId: number): Promise<{ found: boolean; count: number }>;
  /** Asks Plex to scan the section; asynchronous on Plex's side. */
  refresh(sectionKey: string): Promise<void>;
}

export function plexReader(options: PlexClientOptions): PlexReader {
  const client = createPlexClient(options);
  return {
    movieSections: async () => (await client.sections()).filter((s) => s.type === 'movie').map((s) => ({ key: s.key, title: s.title, locations: s.locations })),
    findTmdb: async (sectionKey, tmdbId) => {
      const items = await client.sectionItems(sectionKey, { type: 1 });
      return { found: items.some((m) => m.guids.includes(`tmdb://${tmdbId}`)), count: items.length };
    },
    refresh: (sectionKey) => client.refreshSection(sectionKey),
  };
}
