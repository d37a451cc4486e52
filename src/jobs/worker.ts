import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { JobMetrics, JobOutcome } from '../metrics/metrics.js';
import { redactChats, redactorOf } from './redact-chats.js';
import { packageVersion } from './package-version.js';
import { closeConnection, openConnection, type RedisSource } from './redis-connection.js';
import { isConnectionError } from './redis-monitor.js';
import { budgetOf, isBudgetExceeded, withinBudget } from './job-budget.js';
import { laneOfQueue, laneQueueName, lanes, type Lane } from './lanes.js';
import { openLaneQueues } from './queue.js';
import { requeueOrphans, defaultOrphanAgeMs } from './requeue-orphans.js';
import { runJob, type JobDeps, type JobEnd } from './run-job.js';
import { createSystemView } from './system-view.js';

export interface WorkerOptions extends Omit<JobDeps, 'actionTtlMs' | 'system'>, RedisSource {
  readonly prefix?: string;
  /** Jobs of the long lane (audits, health, /e2e, catalog) run at the same time (config `worker.concurrency`). */
  readonly concurrency?: number;
  /** Jobs of the quick lane (/ping, /request, clicks) run at the same time (config `worker.quickConcurrency`). */
  readonly quickConcurrency?: number;
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

/** Job counts summed over the lanes' queues (for `/status`). */
function summedCounts(queues: readonly Queue[]): Pick<Queue, 'getJobCounts'> {
  return {
    getJobCounts: async (...types: Parameters<Queue['getJobCounts']>) => {
      const all = await Promise.all(queues.map((q) => q.getJobCounts(...types)));
      const sum: Record<string, number> = {};
      for (const counts of all) for (const [k, v] of Object.entries(counts)) sum[k] = (sum[k] ?? 0) + v;
      return sum;
    },
  };
}

/**
 * Starts one BullMQ worker per lane (quick and long, each with its own slots) for every job in
 * `jobs` (plus `extraHandlers`): a lane's jobs never wait for the other lane's slots.
 */
export function startWorker(options: WorkerOptions): RunningWorker {
  const connection = openConnection(options);
  const prefix = options.prefix ?? 'hlb-bull';
  // Read-only handles on the lanes' queues, for `/status` counts and the orphan sweep.
  const queues = openLaneQueues(connection, prefix);
  const system = createSystemView({
    version: options.version ?? packageVersion(),
    startedAt: new Date(),
    queue: summedCounts(Object.values(queues)),
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
  const extra = (job: Job, handler: (job: Job) => Promise<void>): Promise<void> => {
    const lane = laneOfQueue(job.queueName);
    return withinBudget(job.name, budgetOf(job.name, lane, undefined, options.budgets), () => handler(job)).catch(
      (error: unknown) => {
        throw isBudgetExceeded(error) ? new UnrecoverableError(error instanceof Error ? error.message : '') : error;
      },
    );
  };
  const run = async (job: Job, token?: string): Promise<JobEnd | undefined> => {
    const handler = options.extraHandlers?.[job.name];
    if (handler === undefined) return runJob(job, deps, token);
    await extra(job, handler);
    return undefined;
  };
  // BullMQ keeps a failed attempt's message and stack in Redis (failedReason, stacktrace).
  const handle = (job: Job, token?: string): Promise<JobEnd | undefined> =>
    run(job, token).catch((error: unknown) => {
      throw redactError(error, redact);
    });
  const slots: Record<Lane, number> = { quick: options.quickConcurrency ?? 4, long: options.concurrency ?? 2 };
  const workers = lanes.map((lane) => {
    const worker = new Worker(
      laneQueueName(lane),
      (job, token) => measured(job, (j) => handle(j, token), options.metrics),
      {
        connection,
        prefix,
        concurrency: slots[lane],
        ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
        ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
      },
    );
    // A lost Redis shows up on every retry of every loop: the monitor logs it once instead.
    worker.on('error', (error) => {
      if (!isConnectionError(error)) options.log.error({ err: error, lane }, 'worker error');
    });
    return worker;
  });
  const sweepMs = options.orphanSweepMs ?? 15_000;
  const sweep = (): void => {
    if (connection.status !== 'ready') return;
    requeueOrphans(
      options.runStore,
      options.jobs,
      (lane) => queues[lane],
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
    isRunning: () => workers.every((w) => w.isRunning()) && connection.status === 'ready',
    close: async () => {
      clearInterval(sweeper);
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(Object.values(queues).map((q) => q.close()));
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
async function measured(
  job: Job,
  handle: (job: Job) => Promise<JobEnd | undefined>,
  metrics: JobMetrics | undefined,
): Promise<void> {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  try {
    const end = await handle(job);
    metrics?.jobFinished(job.name, end ?? 'succeeded', seconds());
  } catch (error) {
    // A job parking itself (ResumeLater → DelayedError) has no outcome yet.
    if (!(error instanceof DelayedError)) metrics?.jobFinished(job.name, outcomeOf(error, job), seconds());
    throw error;
  }
}
