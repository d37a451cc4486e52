import type { ChatPort, Platform } from '../../chat/chat-port.js';
import type { Person } from '../../config/schema.js';
import type { Logger } from '../../log.js';
import { deliverNotices, type DeliveryResult } from '../../media/notify-deliver.js';
import type { NoticeEventJob } from '../../media/notify-event.js';
import { completeNotice, findWebhookRequest, withoutTvdb } from '../../media/webhook-request.js';
import { noticeMessage, plexLink } from '../../media/notify-message.js';
import type { MediaSummary, NoticeOverseerr } from '../../media/notify-overseerr.js';
import { noticeRecipients, requesterRecipient, type NoticeRecipient } from '../../media/notify-recipients.js';
import type { NoticeRequest } from '../../media/notify-schemas.js';
import type { SubscriptionStore } from '../../media/subscriptions.js';
import type { NotifyHandler as BackgroundHandler } from './notify-jobs.js';
import type { FamilyBackgroundDeps } from './family-deps.js';

/** What notices need; built once per worker from config. */
export interface MediaNotifyDeps {
  readonly overseerr: NoticeOverseerr;
  readonly people: readonly Person[];
  readonly chats: Partial<Record<Platform, ChatPort>>;
  readonly store: SubscriptionStore;
  /** `media.plex.webUrl` (or `media.jellyfin.webUrl` with Jellyseerr): availability DMs link there. */
  readonly plexWebUrl?: string;
  /** The family loop's cards and reporter notices (absent where no run/action stores are wired). */
  readonly family?: FamilyBackgroundDeps;
  /** `Plex` (default) or `Jellyfin`: where DMs say it can be watched. */
  readonly server?: 'Plex' | 'Jellyfin';
  /** `Overseerr` (default) or `Jellyseerr`. */
  readonly requestServer?: string;
}

const discordIdsOf = (request: NoticeRequest | undefined, notice: NoticeEventJob): string[] => {
  const settings = request?.requestedBy?.settings;
  const ids = [settings?.discordId, ...(settings?.discordIds ?? []), notice.requester.discordId];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
};

/** Requester + (for "available") "notify me too" subscribers of this request or its media. */
export async function recipientsFor(
  deps: MediaNotifyDeps,
  notice: NoticeEventJob,
  request: NoticeRequest | undefined,
): Promise<NoticeRecipient[]> {
  const platforms = new Set(Object.keys(deps.chats) as Platform[]);
  const overseerrUserId = request?.requestedBy?.id ?? notice.requester.overseerrUserId;
  const requester = requesterRecipient(
    { ...(overseerrUserId === undefined ? {} : { overseerrUserId }), discordIds: discordIdsOf(request, notice) },
    deps.people,
    platforms,
  );
  const subscribers =
    notice.event === 'MEDIA_AVAILABLE'
      ? await deps.store.list({ mediaType: notice.mediaType, tmdbId: notice.tmdbId, requestId: notice.requestId })
      : [];
  return noticeRecipients(requester, subscribers, platforms);
}

const titleOf = (m: MediaSummary): string => (m.year === undefined ? m.title : `${m.title} (${m.year})`);

/** Sends the DMs of one notice (once each); `request` is Overseerr's view when already fetched. */
export async function notifyRequest(
  deps: MediaNotifyDeps,
  notice: NoticeEventJob,
  request: NoticeRequest | undefined,
  log: Logger,
): Promise<DeliveryResult> {
  const recipients = await recipientsFor(deps, notice, request);
  if (recipients.length === 0)
    log.warn(
      { event: notice.event, requestId: notice.requestId },
      'notice has nobody to tell (requester not linked to chat)',
    );
  const render = async () => {
    // Title and Plex link from Overseerr; when it is down, the webhook's subject is enough.
    const media: MediaSummary = await deps.overseerr.media(notice.mediaType, notice.tmdbId).catch((error: unknown) => {
      if (notice.subject === undefined) throw error;
      log.warn({ err: error }, 'media details unavailable; notice without Plex deep link');
      return { title: notice.subject };
    });
    const title = notice.subject ?? titleOf(media);
    const link = plexLink(deps.plexWebUrl, media);
    return (r: NoticeRecipient) =>
      noticeMessage(
        {
          event: notice.event,
          is4k: notice.is4k,
          title,
          ...(link === undefined ? {} : { plexLink: link }),
          ...(deps.server === undefined ? {} : { server: deps.server }),
          ...(deps.requestServer === undefined ? {} : { requestServer: deps.requestServer }),
        },
        r.why,
      );
  };
  return deliverNotices({
    event: notice.event,
    requestId: notice.requestId,
    recipients,
    render,
    chats: deps.chats,
    store: deps.store,
    log,
  });
}

/** The `media.notify` job (from the webhook): asks Overseerr who requested, then DMs. */
export function mediaNotifyHandler(deps: MediaNotifyDeps): BackgroundHandler<'media.notify'> {
  return async (webhook, { log }) => {
    const { requestId, mediaType, tmdbId } = webhook;
    if (requestId === undefined || mediaType === undefined || tmdbId === undefined) {
      // An older template (no {{request}} block): find the request in Overseerr; a failure retries the job.
      const found = await findWebhookRequest(deps.overseerr, webhook);
      if (found === undefined) {
        log.warn(
          { event: webhook.event, tmdbId, tvdbId: webhook.tvdbId },
          'webhook notice matches no recent request; the notice poll covers it',
        );
        return;
      }
      await notifyRequest(deps, completeNotice(webhook, found), found, log);
      return;
    }
    const notice: NoticeEventJob = { ...withoutTvdb(webhook), requestId, mediaType, tmdbId };
    const request = await deps.overseerr.request(requestId).catch((error: unknown) => {
      log.warn({ err: error, requestId }, 'request lookup failed; using the webhook data');
      return undefined;
    });
    await notifyRequest(deps, notice, request, log);
  };
}
