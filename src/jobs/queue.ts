import { Queue } from 'bullmq';
import { connectRedis } from './redis-connection.js';
import { jobMap, type JobName, type JobPayload } from './job-map.js';
import { retryPolicy } from './retry-policy.js';

/** The single BullMQ queue every job goes through. */
export const queueName = 'homelab-bot';

/** How long finished jobs stay in Redis: a week when done, a month when failed (for inspection). */
export const jobRetention = { removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: { age: 30 * 24 * 3600 } } as const;

/** Typed producer: validates the payload against the job map before it leaves the process. */
export interface Producer {
  /** Same `jobId` twice → one job (BullMQ keeps the first); `duplicate` tells which happened. */
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: { jobId: string }): Promise<{ jobId: string; duplicate: boolean }>;
  close(): Promise<void>;
}

export interface ProducerOptions {
  readonly redisUrl: string;
  /** BullMQ key prefix; tests use a unique one. */
  readonly prefix?: string;
}

export function createProducer(options: ProducerOptions): Producer {
  const connection = connectRedis(options.redisUrl);
  const queue = new Queue(queueName, { connection, prefix: options.prefix ?? 'hlb-bull' });
  return {
    enqueue: async (name, payload, { jobId }) => {
      const data = jobMap[name].parse(payload);
      const policy = retryPolicy[name];
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
      await connection.quit();
    },
  };
}
