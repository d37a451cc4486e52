import { Queue } from 'bullmq';
import { ExternalError } from '../errors.js';
import { closeConnection, openConnection, quietErrors, readyWithin, type RedisSource } from './redis-connection.js';
import type { JobSpecs } from './job-table.js';

/** The single BullMQ queue every job goes through. */
export const queueName = 'homelab-bot';

/** How long finished jobs stay in Redis: a week when done, a month when failed (for inspection). */
export const jobRetention = {
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

/** Producer: validates the payload against the job's schema before it leaves the process. */
export interface Producer {
  /**
   * Same `jobId` twice → one job (BullMQ keeps the first); `duplicate` tells which happened.
   * An unknown job name or a payload its schema rejects throws before anything is enqueued.
   */
  enqueue(name: string, payload: unknown, options: { jobId: string }): Promise<{ jobId: string; duplicate: boolean }>;
  close(): Promise<void>;
}

export interface ProducerOptions extends RedisSource {
  /** BullMQ key prefix; tests use a unique one. */
  readonly prefix?: string;
  /** Every job kind this producer may enqueue (the registry's `jobSpecs`). */
  readonly jobs: JobSpecs;
}

export function createProducer(options: ProducerOptions): Producer {
  // Fail fast (BullMQ's advice for producers): a job is either queued now or the caller hears it was not.
  const connection = openConnection(options, 'failFast');
  const queue = quietErrors(new Queue(queueName, { connection, prefix: options.prefix ?? 'hlb-bull' }));
  return {
    enqueue: async (name, payload, { jobId }) => {
      const spec = options.jobs[name];
      if (spec === undefined) throw new Error(`unknown job ${name}`);
      const data = spec.schema.parse(payload);
      if (!(await readyWithin(connection, 1_000))) throw queueUnavailable();
      const policy = spec.retry;
      const before = await queue.getJob(jobId);
      const job = await queue.add(name, data, {
        jobId,
        attempts: policy.attempts,
        backoff: policy.backoff,
        ...jobRetention,
      });
      return { jobId: job.id ?? jobId, duplicate: before !== undefined };
    },
    close: async () => {
      await queue.close();
      await closeConnection(connection);
    },
  };
}

/** What a user hears when a command cannot be queued (Redis down or not answering in time). */
export const queueUnavailable = (cause?: unknown): ExternalError =>
  new ExternalError(
    'queue-unavailable',
    'The job queue is unavailable right now, so nothing was run. Try again in a minute.',
    cause === undefined ? {} : { cause },
  );
