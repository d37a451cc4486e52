import { z } from 'zod';
import type { ArrClientOptions } from '../media/arr-api.js';
import type { ArrHealthItem, ArrIndexer, QualityProfile, RootFolder } from '../media/arr-schemas.js';
import { createRadarrClient } from '../media/radarr-client.js';
import { callMedia } from '../media/media-http.js';
import { okReply } from '../media/media-reply.js';

/** A library movie with the fields the steps compare (Radarr always sends them for library items). */
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
  statusMessages: z
    .array(z.looseObject({ title: z.string().optional(), messages: z.array(z.string()).optional() }))
    .optional(),
});
export type RadarrQueueItem = z.infer<typeof queueItemSchema>;

/** The Radarr reads and writes `/e2e` needs, over the shared Radarr client. */
export interface RadarrReader {
  movieByTmdb(tmdbId: number): Promise<RadarrMovie | undefined>;
  movie(id: number): Promise<RadarrMovie>;
  queue(movieId: number): Promise<RadarrQueueItem[]>;
  /** The download id (info hash) of the latest grab in the history, if any. */
  grabbedDownloadId(movieId: number): Promise<string | undefined>;
  health(): Promise<ArrHealthItem[]>;
  indexers(): Promise<ArrIndexer[]>;
  rootFolders(): Promise<RootFolder[]>;
  qualityProfiles(): Promise<QualityProfile[]>;
  deleteMovie(id: number): Promise<void>;
}

export function radarrReader(options: ArrClientOptions & { readonly timeoutMs: number }): RadarrReader {
  const client = createRadarrClient(options);
  return {
    movieByTmdb: async (tmdbId) => {
      const found = (await client.movies(tmdbId))[0];
      return found === undefined ? undefined : movieSchema.parse(found);
    },
    movie: async (id) => movieSchema.parse(await client.movie(id)),
    queue: async (movieId) =>
      z.array(queueItemSchema).parse((await client.queue({ pageSize: 50, filter: { movieIds: [movieId] } })).records),
    grabbedDownloadId: async (movieId) => {
      const page = await client.history({
        filter: { movieIds: [movieId], eventType: 1, sortKey: 'date', sortDirection: 'descending' },
      });
      return page.records.find((r) => r.downloadId !== undefined)?.downloadId;
    },
    health: () => client.health(),
    indexers: () => client.indexers(),
    rootFolders: () => client.rootFolders(),
    qualityProfiles: () => client.qualityProfiles(),
    // The shared client has no DELETE; this is the only write `/e2e` makes to Radarr.
    deleteMovie: async (id) => {
      const target = {
        service: 'Radarr',
        url: options.url,
        headers: { 'X-Api-Key': options.apiKey },
        timeoutMs: options.timeoutMs,
      };
      okReply(await callMedia(target, { method: 'DELETE', path: `/api/v3/movie/${id}`, query: { deleteFiles: true } }));
    },
  };
}
