import type { Queue } from 'bullmq';
import type { Logger } from '../log.js';
import type { RunStore } from '../store/run-store.js';
import { jobRetention } from './queue.js';
import type { JobTable } from './job-table.js';
import type { Lane } from './lanes.js';
import { bullOptionsOf } from './retry-policy.js';

/** How many recent runs a sweep looks at, and how old a queued run must be before it counts as orphaned. */
const sweepSize = 200;
export const defaultOrphanAgeMs = 15_000;

/**
 * The bot saves a run (with the job it is about to enqueue) before enqueueing it; a bot killed
 * between the two leaves a queued run without a job. This finds such runs among the recent ones
 * and enqueues their job under the run id (a no-op when the job exists). Only runs still
 * `queued` qualify: a run the worker started or finished is never enqueued again.
 */
export async function requeueOrphans(
  runStore: RunStore,
  jobs: JobTable,
  queueOf: (lane: Lane) => Pick<Queue, 'add' | 'getJob'>,
  log: Logger,
  now = Date.now(),
  minAgeMs = defaultOrphanAgeMs,
): Promise<string[]> {
  const requeued: string[] = [];
  for (const run of await runStore.listRecent(sweepSize)) {
    const pending = run.pendingJob;
    if (run.status !== 'queued' || pending === undefined || now - Date.parse(run.createdAt) < minAgeMs) continue;
    const job = jobs[pending.name];
    const queue = job === undefined ? undefined : queueOf(job.retry.lane ?? 'quick');
    if (job === undefined || queue === undefined || (await queue.getJob(run.jobId)) !== undefined) continue;
    // The worker's own binding validates it, as it will when the job runs.
    const parsed = job.parse(pending.payload);
    if (parsed === undefined) {
      log.error({ runId: run.runId, job: pending.name }, 'an orphaned run has an invalid job payload; not enqueued');
      continue;
    }
    await queue.add(pending.name, parsed.payload, { jobId: run.jobId, ...bullOptionsOf(job.retry), ...jobRetention });
    log.warn(
      { runId: run.runId, job: pending.name },
      'enqueued the job of a run whose bot stopped before enqueueing it',
    );
    requeued.push(run.runId);
  }
  return requeued;
}
