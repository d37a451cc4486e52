import { Queue } from 'bullmq';
import { closeConnection, openConnection, quietErrors, type RedisSource } from './redis-connection.js';
import { laneQueueName, lanes } from './lanes.js';

/** A read-only handle on the job queue's counts, for the `/metrics` queue gauge. */
export interface QueueDepthReader {
  depth(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

const states = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

export function openQueueDepth(options: RedisSource & { readonly prefix: string }): QueueDepthReader {
  const connection = openConnection(options, 'failFast');
  const queues = lanes.map((lane) =>
    quietErrors(new Queue(laneQueueName(lane), { connection, prefix: options.prefix })),
  );
  return {
    depth: async () => {
      const all = await Promise.all(queues.map((q) => q.getJobCounts(...states)));
      return Object.fromEntries(states.map((s) => [s, all.reduce((n, counts) => n + (counts[s] ?? 0), 0)]));
    },
    close: async () => {
      await Promise.all(queues.map((q) => q.close()));
      await closeConnection(connection);
    },
  };
}
