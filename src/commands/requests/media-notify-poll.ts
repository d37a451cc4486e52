import { isRequestAvailable } from '../../media/notify-availability.js';
import type { NoticeEventJob } from '../../media/notify-event.js';
import type { NoticeRequest } from '../../media/notify-schemas.js';
import type { NotifyHandler as BackgroundHandler } from './notify-jobs.js';
import { notifyRequest, recipientsFor, type MediaNotifyDeps } from './media-notify.js';
import { familyPoll } from './family-background.js';

/** How many of the most recently modified requests each poll looks at (per filter). */
const pollTake = 50;

const availableNotice = (r: NoticeRequest): NoticeEventJob => ({
  event: 'MEDIA_AVAILABLE',
  requestId: r.id,
  mediaType: r.type,
  tmdbId: r.media.tmdbId,
  is4k: r.is4k === true,
  requester: r.requestedBy === undefined ? {} : { overseerrUserId: r.requestedBy.id },
  source: 'poll',
});

/**
 * The backup poll (`media.notify-poll`, a BullMQ job scheduler): finds recent requests whose
 * media is available and sends the "available" notices that no webhook delivered. The very
 * first poll only records what is already available, so deploying the bot sends no old news.
 */
export function mediaNotifyPollHandler(deps: MediaNotifyDeps): BackgroundHandler<'media.notify-poll'> {
  return async (_payload, { log }) => {
    if (deps.family !== undefined) {
      // Pending-request and issue cards, reporter notices: their failure must not stop the availability poll.
      await familyPoll(deps.family, log).catch((error: unknown) => {
        log.warn({ err: error }, 'family poll failed; the next poll tries again');
      });
    }
    // `available` reaches fully available media however old the request; `all` adds partial-season TV requests.
    const [done, recent] = await Promise.all([
      deps.overseerr.recentRequests(pollTake, undefined, 'available'),
      deps.overseerr.recentRequests(pollTake),
    ]);
    const available = [...new Map([...done, ...recent].map((r) => [r.id, r])).values()].filter(isRequestAvailable);
    if (await deps.store.firstTime('notify-poll-baseline')) {
      for (const r of available) {
        const notice = availableNotice(r);
        for (const p of await recipientsFor(deps, notice, r)) {
          await deps.store.markNotified({
            event: 'MEDIA_AVAILABLE',
            requestId: r.id,
            platform: p.platform,
            userId: p.userId,
          });
        }
      }
      log.info({ baseline: available.length }, 'notice poll baseline recorded');
      return;
    }
    let failed = 0;
    for (const r of available) {
      try {
        await notifyRequest(deps, availableNotice(r), r, log);
      } catch (error) {
        failed += 1;
        log.warn({ err: error, requestId: r.id }, 'poll notice failed; the next poll tries again');
      }
    }
    log.debug({ available: available.length, failed }, 'notice poll done');
  };
}
