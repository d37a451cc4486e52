import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { JobMetrics, JobOutcome } from '../metrics/metrics.js';
import { redactChats, redactorOf } from './redact-chats.js';
import { packageVersion } from './package-version.js';
import { closeConnection, openConnection, quietErrors, type RedisSource } from './redis-connection.js';
import { isConnectionError } from './redis-monitor.js';
import { queueName } from './queue.js';
import { requeueOrphans, defaultOrphanAgeMs } from './requeue-orphans.js';
import { runJob, type JobDeps } from './run-job.js';
import { createSystemView } from './system-view.js';

export interface WorkerOptions extends Omit<JobDeps, 'actionTtlMs' | 'system'>, RedisSource {
  readonly prefix?: string;
  readonly concurrency?: number;
  /** How long a button stays clickable (config `approvals.ttl`); default 24 h. */
  readonly actionTtlMs?: number;
  /** BullMQ lock/stall tuning; tests make these small so a killed worker's job is picked up fast. */
  readonly lockDuration?: number;
  readonly stalledInterval?: number;
  /** Shown by `/status`; default the package.json version. */
  readonly version?: string;
  /** Counts and times every job attempt (`/metrics`). */
  readonly metrics?: JobMetrics;
  /** How often queued runs without a job (their bot died before enqueueing) are looked for; default 15 s. */
  readonly orphanSweepMs?: number;
  /** Jobs outside `jobs` (scheduler ticks such as `schedule.drift-audit`, background jobs), by job name. */
  readonly extraHandlers?: Readonly<Record<string, (job: Job) => Promise<void>>>;
}

/** A running worker; `close()` waits for in-flight jobs (graceful shutdown). */
export interface RunningWorker {
  /** True while BullMQ's worker runs and its connection is ready (the `/healthz` worker probe). */
  isRunning(): boolean;
  close(): Promise<void>;
}

/** Starts the BullMQ worker for every job in `jobs` (plus `extraHandlers`). */
export function startWorker(options: WorkerOptions): RunningWorker {
  const connection = openConnection(options);
  const prefix = options.prefix ?? 'hlb-bull';
  // Read-only handle on the same queue, for `/status` counts.
  const queue = quietErrors(new Queue(queueName, { connection, prefix }));
  const system = createSystemView({
    version: options.version ?? packageVersion(),
    startedAt: new Date(),
    queue,
    runStore: options.runStore,
    ...(options.healthStore === undefined ? {} : { health: options.healthStore }),
  });
  const redact = redactorOf(options.log);
  const deps: JobDeps = {
    ...options,
    chats: redactChats(options.chats, redact),
    actionTtlMs: options.actionTtlMs ?? 24 * 3600 * 1000,
    system,
    redact,
  };
  const run = (job: Job, token?: string): Promise<void> =>
    options.extraHandlers?.[job.name]?.(job) ?? runJob(job, deps, token);
  // BullMQ keeps a failed attempt's message and stack in Redis (failedReason, stacktrace).
  const handle = (job: Job, token?: string): Promise<void> =>
    run(job, token).catch((error: unknown) => {
      throw redactError(error, redact);
    });
  const worker = new Worker(queueName, (job, token) => measured(job, (j) => handle(j, token), options.metrics), {
    connection,
    prefix,
    concurrency: options.concurrency ?? 2,
    ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
    ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
  });
  // A lost Redis shows up on every retry of every loop: the monitor logs it once instead.
  worker.on('error', (error) => {
    if (!isConnectionError(error)) options.log.error({ err: error }, 'worker error');
  });
  const sweepMs = options.orphanSweepMs ?? 15_000;
  const sweep = (): void => {
    if (connection.status !== 'ready') return;
    requeueOrphans(
      options.runStore,
      options.jobs,
      queue,
      options.log,
      Date.now(),
      Math.min(defaultOrphanAgeMs, sweepMs),
    ).catch((error: unknown) => {
      if (!isConnectionError(error)) options.log.warn({ err: error }, 'orphan sweep failed');
    });
  };
  const sweeper = setInterval(sweep, sweepMs);
  sweep();
  return {
    isRunning: () => worker.isRunning() && connection.status === 'ready',
    close: async () => {
      clearInterval(sweeper);
      await worker.close();
      await queue.close();
      await closeConnection(connection);
    },
  };
}

/** The same error (class kept, so BullMQ still sees UnrecoverableError/DelayedError) with message and stack redacted. */
function redactError(error: unknown, redact: (text: string) => string): unknown {
  if (!(error instanceof Error)) return error;
  error.message = redact(error.message);
  if (error.stack !== undefined) error.stack = redact(error.stack);
  return error;
}

const outcomeOf = (error: unknown, job: Job): JobOutcome =>
  error instanceof DelayedError
    ? 'parked'
    : error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
      ? 'failed'
      : 'retried';

/** Runs one attempt and reports its outcome and duration to the metrics. */
async function measured(job: Job, handle: (job: Job) => Promise<void>, metrics: JobMetrics | undefined): Promise<void> {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  try {
    await handle(job);
    metrics?.jobFinished(job.name, 'succeeded', seconds());
  } catch (error) {
    // A job parking itself (ResumeLater → DelayedError) has no outcome yet.
    if (!(error instanceof DelayedError)) metrics?.jobFinished(job.name, outcomeOf(error, job), seconds());
    throw error;
  }
}
