import type { Processor as JobProcessor } from '../../jobs/processor.js';
import { fixedRetry } from '../../jobs/retry-policy.js';
import { retryRows, type FeatureProcessors, type JobPayloadOf, type RetryRows } from '../define-feature.js';
import { actionJob, commandJob } from '../job-schemas.js';
import { requestConfirm } from './request-confirm.js';
import { requestMovie } from './request-movie.js';
import { requestNotifyMe } from './request-notify-me.js';
import { requestPick } from './request-pick.js';
import { requestSeasons } from './request-seasons.js';
import { requestTv } from './request-tv.js';
import { requests } from './requests.js';
import { requestApprove, requestDecline } from './request-decide.js';
import { issueComment, issueResolve, report, reportStep } from './report-command.js';

/** The requests feature's jobs: job name → payload schema (the bot↔worker contract). */
export const requestJobs = {
  'media.request-movie': commandJob(requestMovie.options),
  'media.request-tv': commandJob(requestTv.options),
  'media.request-pick': actionJob(requestPick.payload),
  'media.request-seasons': actionJob(requestSeasons.payload),
  'media.request-confirm': actionJob(requestConfirm.payload),
  'media.request-notify-me': actionJob(requestNotifyMe.payload),
  'media.requests-list': commandJob(requests.options),
  // The family loop: approve/decline pending requests, /report problems, answer and resolve them.
  'media.request-decide': actionJob(requestApprove.payload),
  'media.request-decline': actionJob(requestDecline.payload),
  'media.report': commandJob(report.options),
  'media.report-step': actionJob(reportStep.payload),
  'media.issue-comment': commandJob(issueComment.options),
  'media.issue-resolve': actionJob(issueResolve.payload),
} as const;

type Jobs = typeof requestJobs;

/** The validated payload of one of these jobs. */
export type JobPayload<N extends keyof Jobs> = JobPayloadOf<Jobs, N>;
/** The processor of one of these jobs. */
export type Processor<N extends keyof Jobs> = JobProcessor<JobPayload<N>>;
/** Every processor of this feature. */
export type Processors = FeatureProcessors<Jobs>;

/** Attempts and backoff per job (UserErrors never retry). */
export const requestRetry: RetryRows<Jobs> = retryRows(requestJobs, {
  // Filing a request is not idempotent on Overseerr's side: never retried.
  'media.request-confirm': fixedRetry(1, 1_000),
  'media.request-notify-me': fixedRetry(3, 1_000),
  // Read-only Overseerr calls; a second try covers a blip.
  'media.requests-list': fixedRetry(2, 2_000),
  // Changes in Overseerr (decide, file, comment, resolve): never retried blindly; the click re-checks state.
  // Decline and report (the default row: 2 tries) re-check before they change anything.
  'media.request-decide': fixedRetry(1, 1_000),
  'media.report-step': fixedRetry(1, 1_000),
  'media.issue-comment': fixedRetry(1, 1_000),
  'media.issue-resolve': fixedRetry(1, 1_000),
});
