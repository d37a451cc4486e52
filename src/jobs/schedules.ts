import { Queue, type Job } from 'bullmq';
import type { ScheduleConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import { closeConnection, openConnection, quietErrors, type RedisSource } from './redis-connection.js';
import { laneQueueName } from './lanes.js';
import { runScheduled, type ScheduledRunDeps } from './run-scheduled.js';
import { createScheduleStateStore } from './schedule-state.js';
import type { ScheduledTask } from './scheduled-task.js';

/** The scheduler's jobs are named `schedule.<kind>`; the scheduler id is the kind. */
const jobPrefix = 'schedule.';
const jobNameOf = (kind: string): string => `${jobPrefix}${kind}`;

const repeatOf = (s: ScheduleConfig): { every: number } | { pattern: string; tz?: string } =>
  s.everyMs !== undefined
    ? { every: s.everyMs }
    : { pattern: s.cron ?? '', ...(s.timezone === undefined ? {} : { tz: s.timezone }) };

export interface SyncSchedulesOptions extends RedisSource {
  readonly prefix: string;
  /** What the features offer for this config (each with its `when`); nothing else stays scheduled. */
  readonly tasks: readonly Pick<ScheduledTask, 'kind' | 'when'>[];
  readonly log: Logger;
  /**
   * Reconcile mode: leaves a scheduler that already matches untouched (its next run stays as it
   * is) and only recreates missing or different ones, logging each repair.
   */
  readonly onlyRepair?: boolean;
}

const sameRepeat = (
  found: { pattern?: string | null; every?: number | null; tz?: string | null } | undefined,
  want: ReturnType<typeof repeatOf>,
): boolean =>
  found !== undefined &&
  ('every' in want
    ? Number(found.every) === want.every
    : found.pattern === want.pattern && (found.tz ?? undefined) === want.tz);

/**
 * Makes BullMQ's job schedulers match the tasks: upserts one scheduler per task (same id →
 * updated in place, never duplicated) and removes ours (jobs named `schedule.*`) that no task
 * asks for any more. Returns the ids now scheduled. Which tasks exist is the features' business
 * (`defineFeature({ schedule })`); this runtime knows none of them by name.
 */
export async function syncSchedules(options: SyncSchedulesOptions): Promise<string[]> {
  const connection = openConnection(options);
  // Scheduled runs (audit, health) are long work: their ticks wait in the long lane.
  const queue = quietErrors(new Queue(laneQueueName('long'), { connection, prefix: options.prefix }));
  // Before lanes, the schedulers lived in the quick queue: removed there so no tick fires twice.
  const before = quietErrors(new Queue(laneQueueName('quick'), { connection, prefix: options.prefix }));
  try {
    const active = options.tasks.map((t) => t.kind);
    for (const task of options.tasks) {
      const repeat = repeatOf(task.when);
      if (options.onlyRepair === true) {
        if (sameRepeat(await queue.getJobScheduler(task.kind), repeat)) continue;
        options.log.warn({ schedule: task.kind }, 'schedule missing in Redis (restarted empty?): recreated');
      }
      await before.removeJobScheduler(task.kind);
      await queue.upsertJobScheduler(task.kind, repeat, {
        name: jobNameOf(task.kind),
        data: {},
        opts: { attempts: 2, backoff: { type: 'fixed', delay: 30_000 } },
      });
    }
    for (const scheduler of await queue.getJobSchedulers()) {
      if (!scheduler.name.startsWith(jobPrefix) || active.includes(scheduler.key)) continue;
      options.log.info({ schedule: scheduler.key }, 'schedule no longer configured; removed');
      await queue.removeJobScheduler(scheduler.key);
    }
    return active;
  } finally {
    await before.close();
    await queue.close();
    await closeConnection(connection);
  }
}

/** Worker handlers for the scheduler jobs (`schedule.<kind>`), for `startWorker({ extraHandlers })`. */
function scheduledHandlers(
  tasks: readonly ScheduledTask[],
  deps: ScheduledRunDeps,
): Record<string, (job: Job) => Promise<void>> {
  return Object.fromEntries(
    tasks.map((task) => [
      jobNameOf(task.kind),
      async (job: Job) => {
        await runScheduled(task, job.id ?? String(job.timestamp), deps);
      },
    ]),
  );
}

export interface StartSchedulesOptions extends Omit<ScheduledRunDeps, 'state'>, Omit<SyncSchedulesOptions, 'tasks'> {
  /** Prefix of bot state keys (`hlb:`); the BullMQ prefix is `prefix`. */
  readonly keyPrefix: string;
  readonly tasks: readonly ScheduledTask[];
}

/** The worker's schedules: handlers for their jobs, a repair pass, and the state connection to close. */
export interface RunningSchedules {
  readonly handlers: Record<string, (job: Job) => Promise<void>>;
  /** Syncs the job schedulers with the config (first call), afterwards recreates missing ones only. */
  reconcile(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The worker handlers for the schedule jobs; the schedulers themselves are written by
 * `reconcile()`, which the caller runs at start and periodically (a Redis that lost its data
 * gets them back), so a start with Redis down does not wait for it.
 */
export function startSchedules(options: StartSchedulesOptions): RunningSchedules {
  const redis = openConnection(options);
  const state = createScheduleStateStore(redis, options.keyPrefix);
  let synced = false;
  return {
    handlers: scheduledHandlers(options.tasks, { ...options, state }),
    reconcile: async () => {
      await syncSchedules({ ...options, onlyRepair: synced });
      synced = true;
    },
    close: () => closeConnection(redis),
  };
}
