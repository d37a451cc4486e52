import type { Queue } from 'bullmq';
import type { HealthStore } from '../store/health-store.js';
import type { RunRecord, RunStore } from '../store/run-store.js';

/** Job counts of the queue, by BullMQ state. */
export interface QueueCounts {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly failed: number;
  readonly completed: number;
}

/** What `/status` reads about the running worker; built by `startWorker`. */
export interface SystemView {
  /** package.json version of the running code. */
  readonly version: string;
  /** When this worker process started its BullMQ worker. */
  readonly startedAt: Date;
  /** Milliseconds since `startedAt`, by the view's clock. */
  uptimeMs(): number;
  queueCounts(): Promise<QueueCounts>;
  recentRuns(limit: number): Promise<RunRecord[]>;
  /** The cached last `/health` run; absent when the worker has no health store. */
  readonly health?: HealthStore;
}

export interface SystemViewOptions {
  readonly version: string;
  readonly startedAt: Date;
  readonly queue: Pick<Queue, 'getJobCounts'>;
  readonly runStore: Pick<RunStore, 'listRecent'>;
  readonly clock?: () => Date;
  readonly health?: HealthStore;
}

export function createSystemView(options: SystemViewOptions): SystemView {
  const { version, startedAt, queue, runStore, clock = () => new Date(), health } = options;
  return {
    version,
    startedAt,
    uptimeMs: () => clock().getTime() - startedAt.getTime(),
    queueCounts: async () => {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      return {
        waiting: c['waiting'] ?? 0,
        active: c['active'] ?? 0,
        delayed: c['delayed'] ?? 0,
        failed: c['failed'] ?? 0,
        completed: c['completed'] ?? 0,
      };
    },
    recentRuns: (limit) => runStore.listRecent(limit),
    ...(health === undefined ? {} : { health }),
  };
}
