import { z } from 'zod';

/** The Overseerr notification types that become DMs. */
export const noticeEvents = ['MEDIA_AVAILABLE', 'MEDIA_APPROVED', 'MEDIA_DECLINED', 'MEDIA_FAILED'] as const;

/**
 * One Overseerr event about one request, as the worker handles it (from the webhook or the
 * backup poll). Ids only, no secrets; `subject` is Overseerr's "Title (YYYY)" when known.
 */
export const noticeEventSchema = z
  .object({
    event: z.enum(noticeEvents),
    requestId: z.number().int().positive(),
    mediaType: z.enum(['movie', 'tv']),
    tmdbId: z.number().int().positive(),
    is4k: z.boolean(),
    subject: z.string().optional(),
    /** What the webhook said about the requester; the worker asks Overseerr for the rest. */
    requester: z
      .object({
        overseerrUserId: z.number().int().positive().optional(),
        discordId: z.string().optional(),
      })
      .strict(),
    source: z.enum(['webhook', 'poll']),
  })
  .strict();

/** A validated notice event. */
export type NoticeEventJob = z.infer<typeof noticeEventSchema>;

/**
 * What the webhook queues (`media.notify`): a notice whose request, media type or TMDB id may be
 * missing (Overseerr's older templates have no `{{request}}` block); the worker completes it from Overseerr.
 */
export const webhookNoticeSchema = noticeEventSchema
  .extend({
    requestId: z.number().int().positive().optional(),
    mediaType: z.enum(['movie', 'tv']).optional(),
    tmdbId: z.number().int().positive().optional(),
    tvdbId: z.number().int().positive().optional(),
  })
  .strict();

/** A validated webhook notice. */
export type WebhookNotice = z.infer<typeof webhookNoticeSchema>;
