import { Queue } from 'bullmq';
import { backgroundJobMap, backgroundRetry, type BackgroundJobName, type BackgroundPayload } from './background-jobs.js';
import { jobRetention, queueName } from './queue.js';
import { connectRedis } from './redis-connection.js';

/** Producer side of background jobs: one-off jobs (webhooks) and repeating ones (polls). */
export interface BackgroundQueue {
  /** Validates and enqueues; the same `jobId` twice is one job. */
  enqueue<N extends BackgroundJobName>(name: N, payload: BackgroundPayload<N>, jobId: string): Promise<void>;
  /** Creates or updates a BullMQ job scheduler that adds `name` every `everyMs` (idempotent). */
  every<N extends BackgroundJobName>(name: N, everyMs: number, payload: BackgroundPayload<N>): Promise<void>;
  close(): Promise<void>;
}

export interface BackgroundQueueOptions {
  readonly redisUrl: string;
  /** BullMQ key prefix; must match the worker's. */
  readonly prefix?: string;
}

export function createBackgroundQueue(options: BackgroundQueueOptions): BackgroundQueue {
  const connection = connectRedis(options.redisUrl);
  const queue = new Queue(queueName, { connection, prefix: options.prefix ?? 'hlb-bull' });
  return {
    enqueue: async (name, payload, jobId) => {
      const data = backgroundJobMap[name].parse(payload);
      await queue.add(name, data, { jobId, ...backgroundRetry[name], ...jobRetention });
    },
    every: async (name, everyMs, payload) => {
      const data = backgroundJobMap[name].parse(payload);
      await queue.upsertJobScheduler(name, { every: everyMs }, { name, data, opts: { ...backgroundRetry[name], ...jobRetention } });
    },
    close: async () => {
      await queue.close();
      await connection.quit();
    },
  };
}
