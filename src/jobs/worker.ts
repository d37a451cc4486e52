import { Queue, Worker } from 'bullmq';
import { packageVersion } from './package-version.js';
import { connectRedis } from './redis-connection.js';
import { queueName } from './queue.js';
import { runJob, type JobDeps } from './run-job.js';
import { createSystemView } from './system-view.js';

export interface WorkerOptions extends Omit<JobDeps, 'actionTtlMs' | 'system'> {
  readonly redisUrl: string;
  readonly prefix?: string;
  readonly concurrency?: number;
  /** How long a button stays clickable (config `approvals.ttl`); default 24 h. */
  readonly actionTtlMs?: number;
  /** BullMQ lock/stall tuning; tests make these small so a killed worker's job is picked up fast. */
  readonly lockDuration?: number;
  readonly stalledInterval?: number;
  /** Shown by `/status`; default the package.json version. */
  readonly version?: string;
}

/** A running worker; `close()` waits for in-flight jobs (graceful shutdown). */
export interface RunningWorker {
  close(): Promise<void>;
}

/** Starts the BullMQ worker for every job in the job map. */
export function startWorker(options: WorkerOptions): RunningWorker {
  const connection = connectRedis(options.redisUrl);
  const prefix = options.prefix ?? 'hlb-bull';
  // Read-only handle on the same queue, for `/status` counts.
  const queue = new Queue(queueName, { connection, prefix });
  const system = createSystemView({ version: options.version ?? packageVersion(), startedAt: new Date(), queue, runStore: options.runStore });
  const deps: JobDeps = { ...options, actionTtlMs: options.actionTtlMs ?? 24 * 3600 * 1000, system };
  const worker = new Worker(queueName, (job) => runJob(job, deps), {
    connection,
    prefix,
    concurrency: options.concurrency ?? 2,
    ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
    ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
  });
  worker.on('error', (error) => { options.log.error({ err: error }, 'worker error'); });
  return {
    close: async () => {
      await worker.close();
      await queue.close();
      await connection.quit();
    },
  };
}
