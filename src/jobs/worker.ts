import { Worker } from 'bullmq';
import { connectRedis } from './redis-connection.js';
import { queueName } from './queue.js';
import { runJob, type JobDeps } from './run-job.js';

export interface WorkerOptions extends Omit<JobDeps, 'actionTtlMs'> {
  readonly redisUrl: string;
  readonly prefix?: string;
  readonly concurrency?: number;
  /** How long a button stays clickable (config `approvals.ttl`); default 24 h. */
  readonly actionTtlMs?: number;
  /** BullMQ lock/stall tuning; tests make these small so a killed worker's job is picked up fast. */
  readonly lockDuration?: number;
  readonly stalledInterval?: number;
}

/** A running worker; `close()` waits for in-flight jobs (graceful shutdown). */
export interface RunningWorker {
  close(): Promise<void>;
}

/** Starts the BullMQ worker for every job in the job map. */
export function startWorker(options: WorkerOptions): RunningWorker {
  const connection = connectRedis(options.redisUrl);
  const deps: JobDeps = { ...options, actionTtlMs: options.actionTtlMs ?? 24 * 3600 * 1000 };
  const worker = new Worker(queueName, (job) => runJob(job, deps), {
    connection,
    prefix: options.prefix ?? 'hlb-bull',
    concurrency: options.concurrency ?? 2,
    ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
    ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
  });
  worker.on('error', (error) => { options.log.error({ err: error }, 'worker error'); });
  return {
    close: async () => {
      await worker.close();
      await connection.quit();
    },
  };
}
