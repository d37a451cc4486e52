import type { Processor as JobProcessor } from '../../jobs/processor.js';
import type { FeatureProcessors, JobPayloadOf, RetryRows } from '../define-feature.js';
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
export const remediationRetry: RetryRows<Jobs> = {
  // Remediation: retried only for forge/git hiccups; the processors are idempotent (same commit, merge claim).
  'drift.fix': { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  'drift.open-pr': { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  'drift.approve': { attempts: 2, backoff: { type: 'fixed', delay: 3_000 } },
  'drift.revert': { attempts: 1, backoff: { type: 'fixed', delay: 3_000 } },
  'audit.trail': { attempts: 2, backoff: { type: 'fixed', delay: 1_000 } },
  'drift.adopt': { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  'drift.adopt-container': { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  'drift.revert-in-order': { attempts: 1, backoff: { type: 'fixed', delay: 3_000 } },
};
