import type { Queue } from 'bullmq';
import type { Logger } from '../log.js';
import type { RunStore } from '../store/run-store.js';
import { jobRetention } from './queue.js';
import type { Lane } from './lanes.js';
import { bullOptionsOf } from './retry-policy.js';
import type { JobSpecs } from './job-table.js';

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
  specs: JobSpecs,
  queueOf: (lane: Lane) => Pick<Queue, 'add' | 'getJob'>,
  log: Logger,
  now = Date.now(),
  minAgeMs = defaultOrphanAgeMs,
): Promise<string[]> {
  const requeued: string[] = [];
  for (const run of await runStore.listRecent(sweepSize)) {
    const pending = run.pendingJob;
    if (run.status !== 'queued' || pending === undefined || now - Date.parse(run.createdAt) < minAgeMs) continue;
    const spec = specs[pending.name];
    const queue = spec === undefined ? undefined : queueOf(spec.retry.lane ?? 'quick');
    if (spec === undefined || queue === undefined || (await queue.getJob(run.jobId)) !== undefined) continue;
    const parsed = spec.schema.safeParse(pending.payload);
    if (!parsed.success) {
      log.error({ runId: run.runId, job: pending.name }, 'an orphaned run has an invalid job payload; not enqueued');
      continue;
    }
    const policy = spec.retry;
    await queue.add(pending.name, parsed.data, { jobId: run.jobId, ...bullOptionsOf(policy), ...jobRetention });
    log.warn(
      { runId: run.runId, job: pending.name },
      'enqueued the job of a run whose bot stopped before enqueueing it',
    );
    requeued.push(run.runId);
  }
  return requeued;
}
