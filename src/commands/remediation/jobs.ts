import type { Processor as JobProcessor } from '../../jobs/processor.js';
import { fixedRetry } from '../../jobs/retry-policy.js';
import { retryRows, type FeatureProcessors, type JobPayloadOf, type RetryRows } from '../define-feature.js';
import { actionJob, commandJob } from '../job-schemas.js';
import { approve } from './approve.js';
import { auditTrail } from './audit-trail.js';
import { driftAdopt, driftAdoptButton } from './drift-adopt.js';
import { driftFix } from './drift-fix.js';
import { driftOpenPr } from './drift-open-pr.js';
import { revert, revertInOrderAction } from './revert.js';

/** The remediation feature's jobs: job name → payload schema (the bot↔worker contract). */
export const remediationJobs = {
  'drift.fix': commandJob(driftFix.options),
  'drift.open-pr': actionJob(driftOpenPr.payload),
  'drift.approve': actionJob(approve.payload),
  'drift.revert': actionJob(revert.payload),
  'audit.trail': commandJob(auditTrail.options),
  'drift.adopt': commandJob(driftAdopt.options),
  'drift.adopt-container': actionJob(driftAdoptButton.payload),
  'drift.revert-in-order': actionJob(revertInOrderAction.payload),
} as const;

type Jobs = typeof remediationJobs;

/** The validated payload of one of these jobs. */
export type JobPayload<N extends keyof Jobs> = JobPayloadOf<Jobs, N>;
/** The processor of one of these jobs. */
export type Processor<N extends keyof Jobs> = JobProcessor<JobPayload<N>>;
/** Every processor of this feature. */
export type Processors = FeatureProcessors<Jobs>;

/** Attempts and backoff per job (UserErrors never retry). */
export const remediationRetry: RetryRows<Jobs> = retryRows(
  remediationJobs,
  {
    'drift.approve': fixedRetry(2, 3_000, 'long'),
    'drift.revert': fixedRetry(1, 3_000, 'long'),
    'drift.revert-in-order': fixedRetry(1, 3_000, 'long'),
    'audit.trail': fixedRetry(2, 1_000),
  },
  // Retried only for forge/git hiccups; the processors are idempotent (same commit, merge claim).
  fixedRetry(2, 5_000, 'long'),
);
