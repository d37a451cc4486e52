import type { AppConfig } from '../../config/schema.js';
import { UserError } from '../../errors.js';
import { createOverseerrClient } from '../../media/overseerr-client.js';
import type { RequestFlowDeps } from '../../media/request-deps.js';
import type { DedupeStore } from '../../store/dedupe-store.js';
import type { SubscriptionStore } from '../../media/subscriptions.js';
import type { Processor, Processors } from './jobs.js';
import { mediaRequestConfirm } from './media-request-confirm.js';
import { mediaRequestNotifyMe } from './media-request-notify-me.js';
import { mediaRequestPick } from './media-request-pick.js';
import { mediaRequestSearch } from './media-request-search.js';
import { mediaRequestSeasons } from './media-request-seasons.js';
import { namedProcessor } from './name-reports.js';

/** The job names of the `/request` flow. */
export type MediaRequestJobs =
  | 'media.request-movie'
  | 'media.request-tv'
  | 'media.request-pick'
  | 'media.request-seasons'
  | 'media.request-confirm'
  | 'media.request-notify-me';

/** The `/request` processors for given dependencies (tests pass an emulator-backed client). */
export function requestFlowProcessors(deps: RequestFlowDeps): Pick<Processors, MediaRequestJobs> {
  const name = deps.overseerr.name;
  return {
    'media.request-movie': namedProcessor(mediaRequestSearch(deps, 'movie'), name),
    'media.request-tv': namedProcessor(mediaRequestSearch(deps, 'tv'), name),
    'media.request-pick': namedProcessor(mediaRequestPick(deps), name),
    'media.request-seasons': namedProcessor(mediaRequestSeasons(deps), name),
    'media.request-confirm': namedProcessor(mediaRequestConfirm(deps), name),
    'media.request-notify-me': namedProcessor(mediaRequestNotifyMe(deps), name),
  };
}

/** `/request` when Overseerr is not configured: a clear refusal, never retried. */
export const requestsNotConfigured =
  <N extends keyof Processors>(): Processor<N> =>
  () =>
    Promise.reject(
      new UserError(
        'requests-not-configured',
        'Media requests are not set up on this bot yet (no media.overseerr or media.jellyseerr in its config); ask the operator.',
      ),
    );

/** Every `/request` job refusing because `media.overseerr` is not configured. */
export const notConfiguredRequests: Pick<Processors, MediaRequestJobs> = {
  'media.request-movie': requestsNotConfigured(),
  'media.request-tv': requestsNotConfigured(),
  'media.request-pick': requestsNotConfigured(),
  'media.request-seasons': requestsNotConfigured(),
  'media.request-confirm': requestsNotConfigured(),
  'media.request-notify-me': requestsNotConfigured(),
};

/** The composition root's wiring: Overseerr from `media.overseerr`, people, rate limit, stores. */
export function mediaRequestProcessors(
  config: AppConfig,
  stores: { readonly dedupeStore: DedupeStore; readonly subscriptionStore: SubscriptionStore },
): Pick<Processors, MediaRequestJobs> {
  const overseerr = config.media?.overseerr;
  if (overseerr === undefined) return notConfiguredRequests;
  return requestFlowProcessors({
    overseerr: createOverseerrClient({
      url: overseerr.url,
      apiKey: overseerr.apiKey,
      timeoutMs: config.timeouts.ms.http,
      flavor: overseerr.flavor,
    }),
    people: config.people,
    slots: stores.dedupeStore,
    subscriptions: stores.subscriptionStore,
    requestsPerHour: config.rateLimits.requestsPerHour,
  });
}
