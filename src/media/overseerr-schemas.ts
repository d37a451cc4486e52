import { z } from 'zod';

/** Permissive parsers for Overseerr responses: only the fields the bot reads. */
export const mediaInfoSchema = z.looseObject({
  id: z.number().optional(),
  tmdbId: z.number().optional(),
  status: z.number(),
  status4k: z.number().optional(),
  plexUrl: z.string().nullish(),
  /** Jellyseerr (and newer Overseerr): the deep link into the media server's web app. */
  mediaUrl: z.string().nullish(),
  /** TV: per-season status (status4k tracked separately). */
  seasons: z
    .array(z.looseObject({ seasonNumber: z.number(), status: z.number(), status4k: z.number().optional() }))
    .optional(),
});
export type OverseerrMediaInfo = z.infer<typeof mediaInfoSchema>;

export const searchResultSchema = z.looseObject({
  id: z.number(),
  mediaType: z.string(),
  title: z.string().optional(),
  name: z.string().optional(),
  releaseDate: z.string().optional(),
  firstAirDate: z.string().optional(),
  posterPath: z.string().nullish(),
  overview: z.string().optional(),
  mediaInfo: mediaInfoSchema.optional(),
});
export type OverseerrSearchResult = z.infer<typeof searchResultSchema>;

export const searchPageSchema = z.looseObject({
  page: z.number(),
  totalPages: z.number(),
  totalResults: z.number(),
  results: z.array(searchResultSchema),
});
export type OverseerrSearchPage = z.infer<typeof searchPageSchema>;

export const seasonSchema = z.looseObject({
  seasonNumber: z.number(),
  episodeCount: z.number().optional(),
  name: z.string().optional(),
});

export const movieDetailsSchema = z.looseObject({
  id: z.number(),
  title: z.string(),
  overview: z.string().nullish(),
  posterPath: z.string().nullish(),
  releaseDate: z.string().optional(),
  mediaInfo: mediaInfoSchema.optional(),
});
export type OverseerrMovie = z.infer<typeof movieDetailsSchema>;

export const tvDetailsSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  overview: z.string().nullish(),
  posterPath: z.string().nullish(),
  firstAirDate: z.string().optional(),
  seasons: z.array(seasonSchema).default([]),
  mediaInfo: mediaInfoSchema.optional(),
});
export type OverseerrTv = z.infer<typeof tvDetailsSchema>;

export const userSchema = z.looseObject({
  id: z.number(),
  email: z.string().optional(),
  username: z.string().nullish(),
  plexUsername: z.string().nullish(),
  displayName: z.string().optional(),
  permissions: z.number().optional(),
  settings: z
    .looseObject({
      discordId: z.string().nullish(),
      discordIds: z.array(z.string()).nullish(),
    })
    .nullish(),
});
export type OverseerrUser = z.infer<typeof userSchema>;

export const pageInfoSchema = z.looseObject({ page: z.number(), pages: z.number(), results: z.number() });
export const userPageSchema = z.looseObject({ pageInfo: pageInfoSchema, results: z.array(userSchema) });

export const notificationSettingsSchema = z.looseObject({
  discordId: z.string().nullish(),
  discordIds: z.array(z.string()).nullish(),
});

const quotaPart = z.looseObject({
  days: z.number().optional(),
  limit: z.number().optional(),
  used: z.number().optional(),
  remaining: z.number().optional(),
  restricted: z.boolean().optional(),
});
export const quotaSchema = z.looseObject({ movie: quotaPart, tv: quotaPart });
export type OverseerrQuota = z.infer<typeof quotaSchema>;

export const mediaRequestSchema = z.looseObject({
  id: z.number(),
  status: z.number(),
  type: z.string().optional(),
  is4k: z.boolean().optional(),
  createdAt: z.string().optional(),
  media: mediaInfoSchema.optional(),
  requestedBy: z.looseObject({ id: z.number() }).optional(),
});
export type OverseerrRequest = z.infer<typeof mediaRequestSchema>;

export const requestPageSchema = z.looseObject({ pageInfo: pageInfoSchema, results: z.array(mediaRequestSchema) });

export const statusSchema = z.looseObject({ version: z.string(), commitTag: z.string().optional() });
export type OverseerrStatus = z.infer<typeof statusSchema>;

export const messageSchema = z.looseObject({ message: z.string().optional(), error: z.string().optional() });
