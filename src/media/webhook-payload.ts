import { z } from 'zod';
import { noticeEvents, type NoticeEventJob } from './notify-event.js';

// Overseerr's webhook agent fills a JSON template by string replacement: every value is a string.
const idText = (what: string) => z.string({ error: `expected ${what} as a string of digits, e.g. "603"` })
  .regex(/^\d+$/, { error: `expected ${what} as a string of digits, e.g. "603"` });

const envelopeSchema = z.looseObject({
  notification_type: z.string({ error: 'expected notification_type, e.g. "MEDIA_AVAILABLE"' }),
});

const mediaEventSchema = z.looseObject({
  event: z.string().optional(),
  subject: z.string().optional(),
  media: z.looseObject({
    media_type: z.enum(['movie', 'tv'], { error: 'expected media.media_type "movie" or "tv"' }),
    tmdbId: idText('media.tmdbId'),
  }, { error: 'expected a "media" object (the {{media}} key of the default template)' }),
  request: z.looseObject({
    request_id: idText('request.request_id'),
    requestedBy_settings_discordId: z.string().optional(),
  }, { error: 'expected a "request" object (the {{request}} key of the default template)' }),
});

/** What a webhook body asks the bot to do. */
export type WebhookIntent =
  | { readonly kind: 'notice'; readonly notice: NoticeEventJob }
  | { readonly kind: 'test' }
  | { readonly kind: 'ignored'; readonly type: string }
  | { readonly kind: 'invalid'; readonly message: string };

const isNoticeType = (type: string): type is NoticeEventJob['event'] => (noticeEvents as readonly string[]).includes(type);

/** Parses an Overseerr webhook body (default JSON template) into a notice, test ping or ignore. */
export function parseWebhookPayload(body: unknown): WebhookIntent {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { kind: 'invalid', message: z.prettifyError(envelope.error) };
  const type = envelope.data.notification_type;
  if (type === 'TEST_NOTIFICATION') return { kind: 'test' };
  if (!isNoticeType(type)) return { kind: 'ignored', type };
  const parsed = mediaEventSchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', message: z.prettifyError(parsed.error) };
  const { media, request, event, subject } = parsed.data;
  const discordId = request.requestedBy_settings_discordId?.trim();
  return {
    kind: 'notice',
    notice: {
      event: type,
      requestId: Number(request.request_id),
      mediaType: media.media_type,
      tmdbId: Number(media.tmdbId),
      is4k: event?.startsWith('4K ') ?? false,
      ...(subject === undefined || subject === '' ? {} : { subject }),
      requester: discordId === undefined || discordId === '' ? {} : { discordId },
      source: 'webhook',
    },
  };
}
