import type { Processor as JobProcessor } from '../../jobs/processor.js';
import { fixedRetry } from '../../jobs/retry-policy.js';
import { retryRows, type FeatureProcessors, type JobPayloadOf, type RetryRows } from '../define-feature.js';
import { actionJob, commandJob } from '../job-schemas.js';
import { healthOpenFix } from './health-open-fix.js';
import { health } from './health.js';

/** The health feature's jobs: job name → payload schema (the bot↔worker contract). */
export const healthJobs = {
  'health.run': commandJob(health.options),
  'health.open-fix': actionJob(healthOpenFix.payload),
} as const;

type Jobs = typeof healthJobs;

/** The validated payload of one of these jobs. */
export type JobPayload<N extends keyof Jobs> = JobPayloadOf<Jobs, N>;
/** The processor of one of these jobs. */
export type Processor<N extends keyof Jobs> = JobProcessor<JobPayload<N>>;
/** Every processor of this feature. */
export type Processors = FeatureProcessors<Jobs>;

/** Attempts and backoff per job (UserErrors never retry). */
export const healthRetry: RetryRows<Jobs> = retryRows(
  healthJobs,
  // The branch name is per minute and pushed with --force, so a retry opens no second PR branch.
  { 'health.open-fix': fixedRetry(2, 5_000, 'long') },
  // Read-only; failing services are values in the report, so one retry covers worker hiccups.
  fixedRetry(2, 2_000, 'long'),
);
