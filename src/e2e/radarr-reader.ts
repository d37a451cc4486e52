import { z } from 'zod';
import { getOk, type HttpTarget } from './http-json.js';

const movieSchema = z.looseObject({
  id: z.number(),
  title: z.string(),
  tmdbId: z.number(),
  monitored: z.boolean(),
  qualityProfileId: z.number(),
  rootFolderPath: z.string().optional(),
  path: z.string().optional(),
  hasFile: z.boolean().optional(),
  movieFile: z.looseObject({ path: z.string().optional() }).optional(),
});
export type RadarrMovie = z.infer<typeof movieSchema>;

const queueItemSchema = z.looseObject({
  movieId: z.number().optional(),
  title: z.string().optional(),
  downloadId: z.string().optional(),
  status: z.string().optional(),
  trackedDownloadState: z.string().optional(),
  trackedDownloadStatus: z.string().optional(),
  errorMessage: z.string().optional(),
  statusMessages: z.array(z.looseObject({ title: z.string().optional(), messages: z.array(z.string()).optional() })).optional(),
});
export type RadarrQueueItem = z.infer<typeof queueItemSchema>;

const healthSchema = z.array(z.looseObject({ source: z.string(), type: z.string(), message: z.string() }));
const indexerSchema = z.array(z.looseObject({ name: z.string(), enableAutomaticSearch: z.boolean().optional(), protocol: z.string().optional() }));
const rootFolderSchema = z.array(z.looseObject({ path: z.string(), accessible: z.boolean().optional() }));
const profileSchema = z.array(z.looseObject({ id: z.number(), name: z.string() }));
const historySchema = z.looseObject({ records: z.array(z.looseObject({ downloadId: z.string().optional(), eventType: z.string().optional() })) });

/** The Radarr `/api/v3` reads and writes `/e2e` needs (parsed permissively). */
export interface RadarrReader {
  movieByTmdb(tmdbId: number): Promise<RadarrMovie | undefined>;
  movie(id: number): Promise<RadarrMovie>;
  queue(movieId: number): Promise<RadarrQueueItem[]>;
  /** The download id (info hash) of the latest grab in the history, if any. */
  grabbedDownloadId(movieId: number): Promise<string | undefined>;
  health(): Promise<z.infer<typeof healthSchema>>;
  indexers(): Promise<z.infer<typeof indexerSchema>>;
  rootFolders(): Promise<z.infer<typeof rootFolderSchema>>;
  qualityProfiles(): Promise<z.infer<typeof profileSchema>>;
  deleteMovie(id: number): Promise<void>;
}

/** Reads Radarr with the `X-Api-Key` header. */
export function radarrReader(url: string, apiKey: string, timeoutMs: number): RadarrReader {
  const target: HttpTarget = { service: 'Radarr', baseUrl: `${url.replace(/\/+$/, '')}/api/v3`, headers: { 'X-Api-Key': apiKey }, timeoutMs };
  return {
    movieByTmdb: async (tmdbId) => z.array(movieSchema).parse(await getOk(target, '/movie', { query: { tmdbId } }))[0],
    movie: async (id) => movieSchema.parse(await getOk(target, `/movie/${id}`)),
    queue: async (movieId) => {
      const page = await getOk(target, '/queue', { query: { movieIds: movieId, includeMovie: false, pageSize: 50 } });
      return z.looseObject({ records: z.array(queueItemSchema) }).parse(page).records;
    },
    grabbedDownloadId: async (movieId) => {
      const page = historySchema.parse(await getOk(target, '/history', { query: { movieIds: movieId, eventType: 1, sortKey: 'date', sortDirection: 'descending' } }));
      return page.records.find((r) => r.downloadId !== undefined)?.downloadId;
    },
    health: async () => healthSchema.parse(await getOk(target, '/health')),
    indexers: async () => indexerSchema.parse(await getOk(target, '/indexer')),
    rootFolders: async () => rootFolderSchema.parse(await getOk(target, '/rootfolder')),
    qualityProfiles: async () => profileSchema.parse(await getOk(target, '/qualityprofile')),
    deleteMovie: async (id) => { await getOk(target, `/movie/${id}`, { method: 'DELETE', query: { deleteFiles: true } }); },
  };
}
