import { z } from 'zod';
import { noticeEvents, type WebhookNotice } from './notify-event.js';
import { parseFamilyWebhook, type FamilyWebhook } from './webhook-family.js';
import { idOf, objectAt, textOf } from './webhook-fields.js';

const envelopeSchema = z.looseObject({
  notification_type: z.string({ error: 'expected notification_type, e.g. "MEDIA_AVAILABLE"' }),
});

/** What a webhook body asks the bot to do. */
export type WebhookIntent =
  | { readonly kind: 'notice'; readonly notice: WebhookNotice }
  | { readonly kind: 'test' }
  | { readonly kind: 'family'; readonly job: FamilyWebhook }
  | { readonly kind: 'ignored'; readonly type: string }
  | { readonly kind: 'invalid'; readonly message: string };

const isNoticeType = (type: string): type is WebhookNotice['event'] =>
  (noticeEvents as readonly string[]).includes(type);
/**
 * Parses an Overseerr webhook body: the current default JSON template (`{{media}}` and
 * `{{request}}` blocks), older defaults (`{{media}}` only, no request, no event), and any template
 * that carries the media's TMDB or TVDB id and the notification type (keys inside `media` or flat:
 * `tmdbId`/`media_tmdbid`, `tvdbId`/`media_tvdbid`, `media_type`, `request_id`). Without a request
 * id the worker finds the request in Overseerr.
 */
export function parseWebhookPayload(body: unknown): WebhookIntent {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { kind: 'invalid', message: z.prettifyError(envelope.error) };
  const type = envelope.data.notification_type;
  if (type === 'TEST_NOTIFICATION') return { kind: 'test' };
  const family = parseFamilyWebhook(type, body);
  if (family !== undefined) return { kind: 'family', job: family };
  if (!isNoticeType(type)) return { kind: 'ignored', type };
  const top = objectAt(body);
  const media = objectAt(top['media']);
  const request = objectAt(top['request']);
  const where = [media, top];
  const tmdbId = idOf(textOf(where, ['tmdbId', 'tmdb_id', 'media_tmdbid']));
  const tvdbId = idOf(textOf(where, ['tvdbId', 'tvdb_id', 'media_tvdbid']));
  if (tmdbId === undefined && tvdbId === undefined) {
    return {
      kind: 'invalid',
      message:
        'missing field media.tmdbId (or media.tvdbId): the template must carry the media\'s id, e.g. "tmdbId": "{{media_tmdbid}}" inside "{{media}}"',
    };
  }
  const mediaType = textOf(where, ['media_type', 'mediaType']);
  const requestId = idOf(textOf([request, top], ['request_id', 'requestId']));
  const event = textOf([top], ['event']);
  const subject = textOf([top], ['subject']);
  const discordId = textOf([request, top], ['requestedBy_settings_discordId', 'notifyuser_settings_discordId']);
  return {
    kind: 'notice',
    notice: {
      event: type,
      ...(requestId === undefined ? {} : { requestId }),
      ...(mediaType === 'movie' || mediaType === 'tv' ? { mediaType } : {}),
      ...(tmdbId === undefined ? {} : { tmdbId }),
      ...(tvdbId === undefined ? {} : { tvdbId }),
      is4k: event?.startsWith('4K ') ?? false,
      ...(subject === undefined ? {} : { subject }),
      requester: discordId === undefined ? {} : { discordId },
      source: 'webhook',
    },
  };
}
