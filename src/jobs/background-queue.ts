import type { Queue } from 'bullmq';
import type { RetryPolicy } from './retry-policy.js';
import type { BackgroundJobSpecs, BackgroundPayload } from './background-jobs.js';
import { jobRetention, openLaneQueues } from './queue.js';
import { bullOptionsOf } from './retry-policy.js';
import { closeConnection, openConnection, type RedisSource } from './redis-connection.js';

/** Producer side of background jobs: one-off jobs (webhooks) and repeating ones (polls). */
export interface BackgroundQueue<M extends BackgroundJobSpecs<M>> {
  /** Validates and enqueues; the same `jobId` twice is one job. */
  enqueue<N extends keyof M & string>(name: N, payload: BackgroundPayload<M, N>, jobId: string): Promise<void>;
  /**
   * Creates or updates a BullMQ job scheduler that adds `name` every `everyMs` (idempotent). With
   * `onlyRepair`, a scheduler already there with the same interval is left as it is; returns
   * whether it was written.
   */
  every<N extends keyof M & string>(
    name: N,
    everyMs: number,
    payload: BackgroundPayload<M, N>,
    onlyRepair?: boolean,
  ): Promise<boolean>;
  close(): Promise<void>;
}

export interface BackgroundQueueOptions<M extends BackgroundJobSpecs<M>> extends RedisSource {
  /** BullMQ key prefix; must match the worker's. */
  readonly prefix?: string;
  /** The background jobs this queue may add (a feature's table). */
  readonly jobs: M;
}

export function createBackgroundQueue<M extends BackgroundJobSpecs<M>>(
  options: BackgroundQueueOptions<M>,
): BackgroundQueue<M> {
  const connection = openConnection(options);
  const queues = openLaneQueues(connection, options.prefix ?? 'hlb-bull');
  const queueOf = (retry: RetryPolicy): Queue => queues[retry.lane ?? 'quick'];
  return {
    enqueue: async (name, payload, jobId) => {
      const { schema, retry } = options.jobs[name];
      await queueOf(retry).add(name, schema.parse(payload), { jobId, ...bullOptionsOf(retry), ...jobRetention });
    },
    every: async (name, everyMs, payload, onlyRepair = false) => {
      const { schema, retry } = options.jobs[name];
      const queue = queueOf(retry);
      if (onlyRepair && Number((await queue.getJobScheduler(name))?.every) === everyMs) return false;
      await queue.upsertJobScheduler(
        name,
        { every: everyMs },
        { name, data: schema.parse(payload), opts: { ...bullOptionsOf(retry), ...jobRetention } },
      );
      return true;
    },
    close: async () => {
      await Promise.all(Object.values(queues).map((q) => q.close()));
      await closeConnection(connection);
    },
  };
}
