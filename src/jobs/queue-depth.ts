import { Queue } from 'bullmq';
import { closeConnection, openConnection, quietErrors, type RedisSource } from './redis-connection.js';
import { queueName } from './queue.js';

/** A read-only handle on the job queue's counts, for the `/metrics` queue gauge. */
export interface QueueDepthReader {
  depth(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

const states = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

export function openQueueDepth(options: RedisSource & { readonly prefix: string }): QueueDepthReader {
  const connection = openConnection(options, 'failFast');
  const queue = quietErrors(new Queue(queueName, { connection, prefix: options.prefix }));
  return {
    depth: async () => {
      const counts = await queue.getJobCounts(...states);
      return Object.fromEntries(states.map((s) => [s, counts[s] ?? 0]));
    },
    close: async () => {
      await queue.close();
      await closeConnection(connection);
    },
  };
}
