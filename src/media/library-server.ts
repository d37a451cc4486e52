import type { JellyfinClient } from './jellyfin-client.js';
import type { PlexClient } from './plex-client.js';

/** One library of a media server: movies or shows, and the folders it reads (as the server sees them). */
export interface LibrarySection {
  readonly key: string;
  readonly type: 'movie' | 'show' | 'other';
  readonly title: string;
  readonly locations: readonly string[];
}

/**
 * The media server that lists what Radarr/Sonarr imported: Plex or Jellyfin. The folder check and
 * `/e2e`'s library hop talk to this port, so both servers share one logic.
 */
export interface LibraryServer {
  /** `plex` or `jellyfin` (check ids, config keys). */
  readonly id: 'plex' | 'jellyfin';
  /** `Plex` or `Jellyfin`. */
  readonly name: string;
  sections(signal?: AbortSignal): Promise<LibrarySection[]>;
  /** TMDB ids of the movies a section lists, with how many movies it has. */
  movieTmdbIds(
    sectionKey: string,
    signal?: AbortSignal,
  ): Promise<{ readonly tmdbIds: string[]; readonly count: number }>;
  /** Asks the server to scan the section (Jellyfin scans every library). */
  scan(sectionKey: string, signal?: AbortSignal): Promise<void>;
}

const plexType = (t: string): LibrarySection['type'] => (t === 'movie' ? 'movie' : t === 'show' ? 'show' : 'other');

export function plexLibrary(plex: PlexClient): LibraryServer {
  return {
    id: 'plex',
    name: 'Plex',
    sections: async (signal) =>
      (await plex.sections(signal)).map((s) => ({
        key: s.key,
        type: plexType(s.type),
        title: s.title,
        locations: s.locations,
      })),
    movieTmdbIds: async (key, signal) => {
      const items = await plex.sectionItems(key, { type: 1 }, signal);
      const tmdbIds = items.flatMap((m) => m.guids.filter((g) => g.startsWith('tmdb://')).map((g) => g.slice(7)));
      return { tmdbIds, count: items.length };
    },
    scan: (key, signal) => plex.refreshSection(key, undefined, signal),
  };
}

const jellyfinType = (t: string): LibrarySection['type'] =>
  t === 'movies' ? 'movie' : t === 'tvshows' ? 'show' : 'other';

export function jellyfinLibrary(jellyfin: JellyfinClient): LibraryServer {
  return {
    id: 'jellyfin',
    name: 'Jellyfin',
    sections: async (signal) =>
      (await jellyfin.libraries(signal)).map((l) => ({
        key: l.id,
        type: jellyfinType(l.collectionType),
        title: l.name,
        locations: l.locations,
      })),
    movieTmdbIds: async (key, signal) => {
      const items = await jellyfin.movies(key, signal);
      return { tmdbIds: items.flatMap((m) => (m.tmdbId === undefined ? [] : [m.tmdbId])), count: items.length };
    },
    scan: (_key, signal) => jellyfin.refreshLibrary(signal),
  };
}
