import { z } from 'zod';

/** One entry of `mediaInfo.downloadStatus[]` (Overseerr's download-sync, refreshed every minute). */
export const downloadItemSchema = z.looseObject({
  size: z.number().optional(),
  sizeLeft: z.number().optional(),
  status: z.string().optional(),
  timeLeft: z.string().optional(),
  estimatedCompletionTime: z.string().nullish(),
  title: z.string().optional(),
});
export type DownloadItem = z.infer<typeof downloadItemSchema>;

const seasonStatusSchema = z.looseObject({
  seasonNumber: z.number(),
  status: z.number().optional(),
  status4k: z.number().optional(),
});

/** The media row of a request, with what availability and progress need. */
export const requestMediaSchema = z.looseObject({
  tmdbId: z.number(),
  tvdbId: z.number().nullish(),
  status: z.number(),
  status4k: z.number().optional(),
  seasons: z.array(seasonStatusSchema).optional(),
  downloadStatus: z.array(downloadItemSchema).optional(),
  downloadStatus4k: z.array(downloadItemSchema).optional(),
  plexUrl: z.string().nullish(),
});

/** A `MediaRequest` with its media and requester (permissive: only the fields we read). */
export const noticeRequestSchema = z.looseObject({
  id: z.number(),
  status: z.number(),
  type: z.enum(['movie', 'tv']),
  is4k: z.boolean().optional(),
  createdAt: z.string().optional(),
  modifiedBy: z.looseObject({ id: z.number(), displayName: z.string().optional() }).nullish(),
  media: requestMediaSchema,
  seasons: z.array(z.looseObject({ seasonNumber: z.number() })).optional(),
  requestedBy: z
    .looseObject({
      id: z.number(),
      displayName: z.string().optional(),
      username: z.string().nullish(),
      settings: z.looseObject({ discordId: z.string().nullish(), discordIds: z.array(z.string()).nullish() }).nullish(),
    })
    .optional(),
});
export type NoticeRequest = z.infer<typeof noticeRequestSchema>;

export const noticeRequestPageSchema = z.looseObject({ results: z.array(noticeRequestSchema) });
