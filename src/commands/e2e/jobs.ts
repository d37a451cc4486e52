import type { Processor as JobProcessor } from '../../jobs/processor.js';
import { fixedRetry } from '../../jobs/retry-policy.js';
import { retryRows, type FeatureProcessors, type JobPayloadOf, type RetryRows } from '../define-feature.js';
import { commandJob } from '../job-schemas.js';
import { e2e } from './e2e.js';

/** The e2e feature's jobs: job name → payload schema (the bot↔worker contract). */
export const e2eJobs = {
  'media.e2e': commandJob(e2e.options),
} as const;

type Jobs = typeof e2eJobs;

/** The validated payload of one of these jobs. */
export type JobPayload<N extends keyof Jobs> = JobPayloadOf<Jobs, N>;
/** The processor of one of these jobs. */
export type Processor<N extends keyof Jobs> = JobProcessor<JobPayload<N>>;
/** Every processor of this feature. */
export type Processors = FeatureProcessors<Jobs>;

/** Attempts and backoff per job (UserErrors never retry). */
export const e2eRetry: RetryRows<Jobs> = retryRows(
  e2eJobs,
  {},
  // Parks itself between polls (not an attempt); retries cover a crash mid-poll.
  fixedRetry(3, 30_000, 'long'),
);
