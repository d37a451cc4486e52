import { Queue, type Job } from 'bullmq';
import type { ScheduleConfig, SchedulesConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import { closeConnection, openConnection, quietErrors, type RedisSource } from './redis-connection.js';
import { queueName } from './queue.js';
import { runScheduled, type ScheduledRunDeps } from './run-scheduled.js';
import { createScheduleStateStore } from './schedule-state.js';
import type { ScheduledTask } from './scheduled-task.js';

/** Config key → scheduler id (and task kind); the scheduler's jobs are named `schedule.<id>`. */
const scheduleIds = { driftAudit: 'drift-audit', health: 'health' } as const satisfies Record<
  keyof SchedulesConfig,
  string
>;

type ScheduleKey = keyof typeof scheduleIds;

const jobNameOf = (kind: string): string => `schedule.${kind}`;

const repeatOf = (s: ScheduleConfig): { every: number } | { pattern: string; tz?: string } =>
  s.everyMs !== undefined
    ? { every: s.everyMs }
    : { pattern: s.cron ?? '', ...(s.timezone === undefined ? {} : { tz: s.timezone }) };

export interface SyncSchedulesOptions extends RedisSource {
  readonly prefix: string;
  readonly schedules: SchedulesConfig | undefined;
  /** Task kinds this worker can run; a configured schedule without a task is logged and left out. */
  readonly available: readonly string[];
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
 * Makes BullMQ's job schedulers match the config: upserts every configured schedule (same id →
 * updated in place, never duplicated) and removes ours that are no longer configured.
 * Returns the ids now scheduled.
 */
export async function syncSchedules(options: SyncSchedulesOptions): Promise<string[]> {
  const connection = openConnection(options);
  const queue = quietErrors(new Queue(queueName, { connection, prefix: options.prefix }));
  try {
    const active: string[] = [];
    for (const key of Object.keys(scheduleIds) as ScheduleKey[]) {
      const id = scheduleIds[key];
      const schedule = options.schedules?.[key];
      if (schedule !== undefined && options.available.includes(id)) {
        active.push(id);
        const repeat = repeatOf(schedule);
        if (options.onlyRepair === true) {
          if (sameRepeat(await queue.getJobScheduler(id), repeat)) continue;
          options.log.warn({ schedule: id }, 'schedule missing in Redis (restarted empty?): recreated');
        }
        await queue.upsertJobScheduler(id, repeat, {
          name: jobNameOf(id),
          data: {},
          opts: { attempts: 2, backoff: { type: 'fixed', delay: 30_000 } },
        });
      } else {
        if (schedule !== undefined)
          options.log.warn({ schedule: key }, 'schedule configured but this worker cannot run it; not scheduled');
        await queue.removeJobScheduler(id);
      }
    }
    return active;
  } finally {
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

export interface StartSchedulesOptions
  extends Omit<ScheduledRunDeps, 'state'>, Omit<SyncSchedulesOptions, 'available'> {
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
      await syncSchedules({ ...options, available: options.tasks.map((t) => t.kind), onlyRepair: synced });
      synced = true;
    },
    close: () => closeConnection(redis),
  };
}
