import type { Processor as JobProcessor } from '../../jobs/processor.js';
import { fixedRetry } from '../../jobs/retry-policy.js';
import { retryRows, type FeatureProcessors, type JobPayloadOf, type RetryRows } from '../define-feature.js';
import { commandJob } from '../job-schemas.js';
import { catalog } from './catalog.js';

/** The catalog feature's jobs: job name → payload schema (the bot↔worker contract). */
export const catalogJobs = {
  'catalog.show': commandJob(catalog.options),
} as const;

type Jobs = typeof catalogJobs;

/** The validated payload of one of these jobs. */
export type JobPayload<N extends keyof Jobs> = JobPayloadOf<Jobs, N>;
/** The processor of one of these jobs. */
export type Processor<N extends keyof Jobs> = JobProcessor<JobPayload<N>>;
/** Every processor of this feature. */
export type Processors = FeatureProcessors<Jobs>;

/** Attempts and backoff per job (UserErrors never retry). */
export const catalogRetry: RetryRows<Jobs> =
  // Read-only: unreachable hosts are values; retries cover git/worker hiccups.
  retryRows(catalogJobs, {}, fixedRetry(2, 5_000, 'long'));
