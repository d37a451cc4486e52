import { z } from 'zod';
import type { ArrClientOptions } from './arr-api.js';
import { createArrClient, type ArrClient } from './arr-client.js';
import { radarrMovieSchema, type RadarrMovie } from './radarr-schemas.js';

/** What `POST /movie` needs (the fields Overseerr sends). */
export interface NewRadarrMovie {
  readonly tmdbId: number;
  readonly title: string;
  readonly year?: number;
  readonly titleSlug?: string;
  readonly qualityProfileId: number;
  readonly rootFolderPath: string;
  readonly monitored?: boolean;
  readonly minimumAvailability?: 'announced' | 'inCinemas' | 'released';
  readonly tags?: readonly number[];
  /** Radarr starts a `MoviesSearch` right after adding when true. */
  readonly searchForMovie?: boolean;
}

/** Radarr `/api/v3`: the shared Servarr methods plus movies. */
export interface RadarrClient extends ArrClient {
  /** `GET /movie` (optionally `?tmdbId=`). */
  movies(tmdbId?: number, signal?: AbortSignal): Promise<RadarrMovie[]>;
  movie(id: number, signal?: AbortSignal): Promise<RadarrMovie>;
  /** `GET /movie/lookup?term=` (e.g. `tmdb:603` or a title). */
  lookup(term: string, signal?: AbortSignal): Promise<RadarrMovie[]>;
  lookupTmdb(tmdbId: number, signal?: AbortSignal): Promise<RadarrMovie>;
  addMovie(movie: NewRadarrMovie, signal?: AbortSignal): Promise<RadarrMovie>;
}

/** Creates the client; nothing is fetched until a method is called. */
export function createRadarrClient(options: ArrClientOptions): RadarrClient {
  const core = createArrClient('Radarr', options);
  const { api } = core;
  return {
    ...core,
    movies: (tmdbId, signal) =>
      api.get('/movie', z.array(radarrMovieSchema), tmdbId === undefined ? undefined : { tmdbId }, signal),
    movie: (id, signal) => api.get(`/movie/${id}`, radarrMovieSchema, undefined, signal),
    lookup: (term, signal) => api.get('/movie/lookup', z.array(radarrMovieSchema), { term }, signal),
    lookupTmdb: (tmdbId, signal) => api.get('/movie/lookup/tmdb', radarrMovieSchema, { tmdbId }, signal),
    addMovie: (
      { searchForMovie = false, monitored = true, minimumAvailability = 'released', tags = [], ...rest },
      signal,
    ) =>
      api.post(
        '/movie',
        radarrMovieSchema,
        { ...rest, monitored, minimumAvailability, tags, addOptions: { searchForMovie, monitor: 'movieOnly' } },
        signal,
      ),
  };
}
