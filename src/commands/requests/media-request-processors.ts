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

/** The job names of the `/request` flow. */
export type MediaRequestJobs = 'media.request-movie' | 'media.request-tv' | 'media.request-pick' | 'media.request-seasons' | 'media.request-confirm' | 'media.request-notify-me';

/** The `/request` processors for given dependencies (tests pass an emulator-backed client). */
export function requestFlowProcessors(deps: RequestFlowDeps): Pick<Processors, MediaRequestJobs> {
  return {
    'media.request-movie': mediaRequestSearch(deps, 'movie'),
    'media.request-tv': mediaRequestSearch(deps, 'tv'),
    'media.request-pick': mediaRequestPick(deps),
    'media.request-seasons': mediaRequestSeasons(deps),
    'media.request-confirm': mediaRequestConfirm(deps),
    'media.request-notify-me': mediaRequestNotifyMe(deps),
  };
}

/** Placeholder when Overseerr is not configured (or the worker was started without the wiring). */
export const requestNotWired = <N extends MediaRequestJobs>(): Processor<N> => () =>
  Promise.reject(new UserError('requests-not-configured', 'Media requests are not set up on this bot yet (no media.overseerr in its config); ask the operator.'));

/** Placeholders for every `/request` job. */
export const requestPlaceholders: Pick<Processors, MediaRequestJobs> = {
  'media.request-movie': requestNotWired(),
  'media.request-tv': requestNotWired(),
  'media.request-pick': requestNotWired(),
  'media.request-seasons': requestNotWired(),
  'media.request-confirm': requestNotWired(),
  'media.request-notify-me': requestNotWired(),
};

/** The composition root's wiring: Overseerr from `media.overseerr`, people, rate limit, stores. */
export function mediaRequestProcessors(
  config: AppConfig, stores: { readonly dedupeStore: DedupeStore; readonly subscriptionStore: SubscriptionStore },
): Pick<Processors, MediaRequestJobs> {
  const overseerr = config.media?.overseerr;
  if (overseerr === undefined) return requestPlaceholders;
  return requestFlowProcessors({
    overseerr: createOverseerrClient({ url: overseerr.url, apiKey: overseerr.apiKey, timeoutMs: 10_000 }),
    people: config.people,
    slots: stores.dedupeStore,
    subscriptions: stores.subscriptionStore,
    requestsPerHour: config.rateLimits.requestsPerHour,
  });
}
