import { isRequestAvailable } from './notify-availability.js';
import type { NoticeEventJob, WebhookNotice } from './notify-event.js';
import type { NoticeOverseerr } from './notify-overseerr.js';
import type { NoticeRequest } from './notify-schemas.js';

/** How many of the most recently modified requests are searched for a webhook without a request id. */
const searchTake = 50;

const matches = (notice: WebhookNotice, r: NoticeRequest): boolean =>
  (notice.tmdbId === undefined || r.media.tmdbId === notice.tmdbId) &&
  (notice.tvdbId === undefined || r.media.tvdbId === notice.tvdbId) &&
  (notice.mediaType === undefined || r.type === notice.mediaType) &&
  (r.is4k === true) === notice.is4k;

/**
 * The one request a webhook notice without a request id is about: the most recently modified
 * request for that media (and 4K side); for "available", one whose media is available. One request,
 * so a "notify me too" subscriber of the media gets one DM, under the id the backup poll uses too.
 */
export async function findWebhookRequest(
  overseerr: NoticeOverseerr,
  notice: WebhookNotice,
): Promise<NoticeRequest | undefined> {
  const lists =
    notice.event === 'MEDIA_AVAILABLE'
      ? await Promise.all([
          overseerr.recentRequests(searchTake, undefined, 'available'),
          overseerr.recentRequests(searchTake),
        ])
      : [await overseerr.recentRequests(searchTake)];
  const candidates = [...new Map(lists.flat().map((r) => [r.id, r])).values()].filter((r) => matches(notice, r));
  if (notice.event !== 'MEDIA_AVAILABLE') return candidates[0];
  return candidates.find(isRequestAvailable);
}

/** The webhook notice without the TVDB id (the worker's notices are keyed by TMDB id). */
export function withoutTvdb(notice: WebhookNotice): Omit<WebhookNotice, 'tvdbId'> {
  const { tvdbId: _tvdbId, ...rest } = notice;
  return rest;
}

/** The full notice once the request is known. */
export function completeNotice(notice: WebhookNotice, request: NoticeRequest): NoticeEventJob {
  return {
    ...withoutTvdb(notice),
    requestId: request.id,
    mediaType: request.type,
    tmdbId: request.media.tmdbId,
    requester: {
      ...notice.requester,
      ...(request.requestedBy === undefined ? {} : { overseerrUserId: request.requestedBy.id }),
    },
  };
}
