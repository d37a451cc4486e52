import type { Processor as JobProcessor } from '../../jobs/processor.js';
import { fixedRetry } from '../../jobs/retry-policy.js';
import { retryRows, type FeatureProcessors, type JobPayloadOf, type RetryRows } from '../define-feature.js';
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
export const driftRetry: RetryRows<Jobs> = retryRows(
  driftJobs,
  { 'drift.lint': fixedRetry(2, 2_000, 'long') },
  // Read-only; an unreachable host is a value in the report, so retries only cover git/worker hiccups.
  fixedRetry(2, 5_000, 'long'),
);
