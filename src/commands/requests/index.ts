import { defineFeature } from '../define-feature.js';
import { requestJobs, requestRetry } from './jobs.js';
import { mediaRequestProcessors } from './media-request-processors.js';
import { requestsListProcessors } from './media-requests-list-wiring.js';
import { requestConfirm } from './request-confirm.js';
import { requestMovie } from './request-movie.js';
import { requestNotifyMe } from './request-notify-me.js';
import { requestPick } from './request-pick.js';
import { requestSeasons } from './request-seasons.js';
import { requestTv } from './request-tv.js';
import { requests } from './requests.js';

export { mediaNotifyDeps, mediaNotifyHandlers } from './media-notify-handlers.js';
export { notifyJobs } from './notify-jobs.js';

/**
 * Family media requests: `/request movie|tv` with its pick/seasons/confirm/notify-me flow and
 * `/requests`. The "it's available" notices are background jobs (`notifyJobs`), mounted by the
 * service root with the Overseerr webhook route.
 */
export const requestsFeature = defineFeature({
  name: 'requests',
  commands: [requestMovie, requestTv, requests],
  actions: [requestPick, requestSeasons, requestConfirm, requestNotifyMe],
  jobs: requestJobs,
  retry: requestRetry,
  wire: (ctx) => ({ ...mediaRequestProcessors(ctx.config, ctx.stores), ...requestsListProcessors(ctx.config) }),
});
