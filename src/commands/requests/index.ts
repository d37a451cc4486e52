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
import { familyDepsFrom, familyProcessors } from './family-processors.js';
import { namedProcessors, serverNames } from './name-reports.js';
import { issueComment, issueResolve, report, reportFile, reportStep } from './report-command.js';
import { requestApprove, requestDecline, requestDeclineReason } from './request-decide.js';

export { mediaNotifyDeps, mediaNotifyHandlers, type FamilyCardStores } from './media-notify-handlers.js';
export { notifyJobs } from './notify-jobs.js';
export { recordRefusedFamilyClicks } from './family-refusals.js';

/**
 * Family media requests: `/request movie|tv` with its pick/seasons/confirm/notify-me flow,
 * `/requests` (and `/requests pending` with Approve/Decline for operators), `/report` and
 * `/issue comment` (problem reports filed as Overseerr/Jellyseerr issues). The "it's available" notices are background jobs (`notifyJobs`), mounted by the
 * service root with the Overseerr webhook route.
 */
export const requestsFeature = defineFeature({
  name: 'requests',
  commands: [requestMovie, requestTv, requests, report, issueComment],
  actions: [
    requestPick,
    requestSeasons,
    requestConfirm,
    requestNotifyMe,
    requestApprove,
    requestDecline,
    requestDeclineReason,
    reportStep,
    reportFile,
    issueResolve,
  ],
  jobs: requestJobs,
  retry: requestRetry,
  wire: (ctx) => {
    const family = familyDepsFrom(ctx.config, ctx.stores, ctx.chats ?? {});
    return {
      ...mediaRequestProcessors(ctx.config, ctx.stores),
      ...requestsListProcessors(ctx.config, family),
      ...namedProcessors(familyProcessors(family), serverNames(ctx.config)),
    };
  },
});
