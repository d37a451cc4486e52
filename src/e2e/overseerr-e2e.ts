import { z } from 'zod';
import { ExternalError } from '../errors.js';
import type { RequestFlavor } from '../config/media-schema.js';
import { callOverseerr, requestServerName, type OverseerrCall } from '../media/overseerr-http.js';
import { okReply, statusError } from '../media/media-reply.js';

const requestSchema = z.looseObject({ id: z.number(), status: z.number() });
const movieSchema = z.looseObject({
  title: z.string().optional(),
  mediaInfo: z
    .looseObject({ id: z.number().optional(), status: z.number(), requests: z.array(requestSchema).optional() })
    .nullish(),
});
const radarrSettingsSchema = z.array(
  z.looseObject({
    is4k: z.boolean(),
    isDefault: z.boolean(),
    activeProfileId: z.number(),
    activeDirectory: z.string(),
  }),
);

/** Overseerr `MediaStatus`: UNKNOWN 1 … AVAILABLE 5. */
export const mediaAvailable = 5;

/** What `/e2e` does with Overseerr, as the API key's owner (the admin: requests are auto-approved). */
export interface OverseerrE2e {
  movie(tmdbId: number): Promise<z.infer<typeof movieSchema>>;
  /** `POST /request`; a 409 (already requested) is returned as `{ duplicate: true }`. */
  requestMovie(
    tmdbId: number,
  ): Promise<{ duplicate: true } | { duplicate: false; request: z.infer<typeof requestSchema> }>;
  request(id: number): Promise<z.infer<typeof requestSchema>>;
  /** The default non-4K Radarr server's profile and root folder. */
  radarrDefaults(): Promise<{ profileId: number; rootFolder: string } | undefined>;
  deleteRequest(id: number): Promise<void>;
  deleteMedia(id: number): Promise<void>;
}

export function overseerrE2e(
  url: string,
  apiKey: string,
  timeoutMs: number,
  flavor: RequestFlavor = 'overseerr',
): OverseerrE2e {
  const options = { url, apiKey, timeoutMs, flavor };
  const getOk = async (path: string, method: OverseerrCall['method'] = 'GET'): Promise<unknown> =>
    okReply(await callOverseerr(options, { method, path })).body;
  return {
    movie: async (tmdbId) => movieSchema.parse(await getOk(`/movie/${tmdbId}`)),
    requestMovie: async (tmdbId) => {
      const reply = await callOverseerr(options, {
        method: 'POST',
        path: '/request',
        body: { mediaType: 'movie', mediaId: tmdbId },
      });
      if (reply.status === 409) return { duplicate: true };
      // A 5xx (Overseerr or a proxy in front of it hiccuped) is transient: thrown as such, polled again.
      if (reply.status >= 500) throw statusError(reply);
      if (reply.status !== 201 && reply.status !== 200) {
        const message = z.looseObject({ message: z.string() }).safeParse(reply.body);
        throw new ExternalError(
          'overseerr-request-refused',
          `${requestServerName(options)} refused the request (HTTP ${reply.status})${message.success ? `: ${message.data.message}` : ''}.`,
          { retryable: false },
        );
      }
      return { duplicate: false, request: requestSchema.parse(reply.body) };
    },
    request: async (id) => requestSchema.parse(await getOk(`/request/${id}`)),
    radarrDefaults: async () => {
      const servers = radarrSettingsSchema.parse(await getOk('/settings/radarr'));
      const server = servers.find((s) => !s.is4k && s.isDefault) ?? servers.find((s) => !s.is4k);
      return server === undefined
        ? undefined
        : { profileId: server.activeProfileId, rootFolder: server.activeDirectory };
    },
    deleteRequest: async (id) => {
      await getOk(`/request/${id}`, 'DELETE');
    },
    deleteMedia: async (id) => {
      await getOk(`/media/${id}`, 'DELETE');
    },
  };
}
