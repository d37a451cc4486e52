import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ExternalError } from '../errors.js';
import { closeConnection, openConnection, quietErrors, readyWithin, type RedisSource } from './redis-connection.js';
import type { JobSpecs } from './job-table.js';
import { laneQueueName, lanes, type Lane } from './lanes.js';
import { bullOptionsOf } from './retry-policy.js';

export { queueName } from './lanes.js';

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
   * The job goes to its lane's queue (the spec's `retry.lane`).
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

/** One BullMQ queue per lane on one connection (opened up front: cheap, and close() stays simple). */
export function openLaneQueues(connection: Redis, prefix: string): Record<Lane, Queue> {
  return Object.fromEntries(
    lanes.map((lane) => [lane, quietErrors(new Queue(laneQueueName(lane), { connection, prefix }))]),
  ) as Record<Lane, Queue>;
}

export function createProducer(options: ProducerOptions): Producer {
  // Fail fast (BullMQ's advice for producers): a job is either queued now or the caller hears it was not.
  const connection = openConnection(options, 'failFast');
  const queues = openLaneQueues(connection, options.prefix ?? 'hlb-bull');
  return {
    enqueue: async (name, payload, { jobId }) => {
      const spec = options.jobs[name];
      if (spec === undefined) throw new Error(`unknown job ${name}`);
      const data = spec.schema.parse(payload);
      if (!(await readyWithin(connection, 1_000))) throw queueUnavailable();
      const queue = queues[spec.retry.lane ?? 'quick'];
      const before = await queue.getJob(jobId);
      const job = await queue.add(name, data, { jobId, ...bullOptionsOf(spec.retry), ...jobRetention });
      return { jobId: job.id ?? jobId, duplicate: before !== undefined };
    },
    close: async () => {
      await Promise.all(Object.values(queues).map((q) => q.close()));
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
