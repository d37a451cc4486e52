import type { Processor as JobProcessor } from '../../jobs/processor.js';
import type { FeatureProcessors, JobPayloadOf, RetryRows } from '../define-feature.js';
import { commandJob } from '../job-schemas.js';
import { driftAudit } from './drift-audit.js';
import { driftLint } from './drift-lint.js';

/** The drift feature's jobs: job name → payload schema (the bot↔worker contract). */
export const driftJobs = {
  'drift.audit': commandJob(driftAudit.options),
  'drift.lint': commandJob(driftLint.options),
} as const;

type Jobs = typeof driftJobs;

/** The validated payload of one of these jobs. */
export type JobPayload<N extends keyof Jobs> = JobPayloadOf<Jobs, N>;
/** The processor of one of these jobs. */
export type Processor<N extends keyof Jobs> = JobProcessor<JobPayload<N>>;
/** Every processor of this feature. */
export type Processors = FeatureProcessors<Jobs>;

/** Attempts and backoff per job (UserErrors never retry). */
export const driftRetry: RetryRows<Jobs> = {
  // Read-only; an unreachable host is a value in the report, so retries only cover git/worker hiccups.
  'drift.audit': { attempts: 2, backoff: { type: 'fixed', delay: 5_000 }, lane: 'long' },
  'drift.lint': { attempts: 2, backoff: { type: 'fixed', delay: 2_000 }, lane: 'long' },
};
