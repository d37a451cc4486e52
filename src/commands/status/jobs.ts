import type { Processor as JobProcessor } from '../../jobs/processor.js';
import { retryRows, type FeatureProcessors, type JobPayloadOf, type RetryRows } from '../define-feature.js';
import { actionJob, commandJob } from '../job-schemas.js';
import { pingAck } from './ping-ack.js';
import { ping } from './ping.js';
import { status } from './status.js';

/** The status feature's jobs: job name → payload schema (the bot↔worker contract). */
export const statusJobs = {
  'system.ping': commandJob(ping.options),
  'system.ping-ack': actionJob(pingAck.payload),
  'system.status': commandJob(status.options),
} as const;

type Jobs = typeof statusJobs;

/** The validated payload of one of these jobs. */
export type JobPayload<N extends keyof Jobs> = JobPayloadOf<Jobs, N>;
/** The processor of one of these jobs. */
export type Processor<N extends keyof Jobs> = JobProcessor<JobPayload<N>>;
/** Every processor of this feature. */
export type Processors = FeatureProcessors<Jobs>;

/** Attempts and backoff per job (UserErrors never retry). */
export const statusRetry: RetryRows<Jobs> = retryRows(statusJobs, {
  'system.ping': { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
});
