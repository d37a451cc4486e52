import { Queue, type Job } from 'bullmq';
import type { ScheduleConfig, SchedulesConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import { connectRedis } from './redis-connection.js';
import { laneQueueName } from './lanes.js';
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

export interface SyncSchedulesOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly schedules: SchedulesConfig | undefined;
  /** Task kinds this worker can run; a configured schedule without a task is logged and left out. */
  readonly available: readonly string[];
  readonly log: Logger;
}

/**
 * Makes BullMQ's job schedulers match the config: upserts every configured schedule (same id →
 * updated in place, never duplicated) and removes ours that are no longer configured.
 * Returns the ids now scheduled.
 */
export async function syncSchedules(options: SyncSchedulesOptions): Promise<string[]> {
  const connection = connectRedis(options.redisUrl);
  // Scheduled runs (audit, health) are long work: their ticks wait in the long lane.
  const queue = new Queue(laneQueueName('long'), { connection, prefix: options.prefix });
  // Before lanes, the schedulers lived in the quick queue: removed there so no tick fires twice.
  const before = new Queue(laneQueueName('quick'), { connection, prefix: options.prefix });
  try {
    const active: string[] = [];
    for (const key of Object.keys(scheduleIds) as ScheduleKey[]) {
      const id = scheduleIds[key];
      const schedule = options.schedules?.[key];
      if (schedule !== undefined && options.available.includes(id)) {
        await before.removeJobScheduler(id);
        await queue.upsertJobScheduler(id, repeatOf(schedule), {
          name: jobNameOf(id),
          data: {},
          opts: { attempts: 2, backoff: { type: 'fixed', delay: 30_000 } },
        });
        active.push(id);
      } else {
        if (schedule !== undefined)
          options.log.warn({ schedule: key }, 'schedule configured but this worker cannot run it; not scheduled');
        await queue.removeJobScheduler(id);
      }
    }
    return active;
  } finally {
    await before.close();
    await queue.close();
    await connection.quit();
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

/** Syncs the job schedulers and returns the worker handlers for their jobs (plus the state connection to close). */
export async function startSchedules(
  options: StartSchedulesOptions,
): Promise<{ handlers: Record<string, (job: Job) => Promise<void>>; close(): Promise<void> }> {
  const redis = connectRedis(options.redisUrl);
  const state = createScheduleStateStore(redis, options.keyPrefix);
  await syncSchedules({ ...options, available: options.tasks.map((t) => t.kind) });
  return {
    handlers: scheduledHandlers(options.tasks, { ...options, state }),
    close: async () => {
      await redis.quit();
    },
  };
}
