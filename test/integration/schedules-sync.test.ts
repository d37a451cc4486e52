import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulesSchema, type SchedulesConfig } from '../../src/config/schedules-schema.js';
import type { ScheduledTask } from '../../src/jobs/scheduled-task.js';
import { laneQueueName } from '../../src/jobs/lanes.js';
import { syncSchedules } from '../../src/jobs/schedules.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';

describe('syncSchedules (BullMQ job schedulers on a private Redis)', () => {
  let redis: PrivateRedis;
  let connection: Redis;
  let queue: Queue;
  const prefix = `${uniquePrefix()}bull`;
  const log = silentLogger();
  const schedulers = async (): Promise<
    { id: string; name: string; every?: number | null; pattern?: string | null; tz?: string | null }[]
  > =>
    (await queue.getJobSchedulers())
      .map((s) => ({ id: s.key, name: s.name, every: s.every ?? null, pattern: s.pattern ?? null, tz: s.tz ?? null }))
      .sort((a, b) => a.id.localeCompare(b.id));

  beforeAll(async () => {
    redis = await startTestRedis();
    connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    // Scheduled runs are long work: their schedulers live in the long lane's queue.
    queue = new Queue(laneQueueName('long'), { connection, prefix });
  });
  afterAll(async () => {
    await queue.close();
    await connection.quit();
    await redis.stop();
  });

  /** What the features offer for a config: a task per configured schedule (only kind and when matter here). */
  const tasksOf = (
    schedules: SchedulesConfig,
    runnable: readonly string[] = ['drift-audit', 'health'],
  ): Pick<ScheduledTask, 'kind' | 'when'>[] =>
    [
      { kind: 'drift-audit', when: schedules.driftAudit },
      { kind: 'health', when: schedules.health },
    ].flatMap(({ kind, when }) => (when === undefined || !runnable.includes(kind) ? [] : [{ kind, when }]));

  it('creates one scheduler per configured schedule the worker can run, and updates it in place', async () => {
    const schedules = schedulesSchema.parse({
      driftAudit: { cron: '0 7 * * *', timezone: 'Europe/Berlin' },
      health: { every: '6h' },
    });
    expect(await syncSchedules({ redisUrl: redis.url, prefix, tasks: tasksOf(schedules), log })).toEqual([
      'drift-audit',
      'health',
    ]);
    expect(await schedulers()).toEqual([
      { id: 'drift-audit', name: 'schedule.drift-audit', every: null, pattern: '0 7 * * *', tz: 'Europe/Berlin' },
      { id: 'health', name: 'schedule.health', every: 6 * 3600 * 1000, pattern: null, tz: null },
    ]);
    await syncSchedules({
      redisUrl: redis.url,
      prefix,
      tasks: tasksOf(
        schedulesSchema.parse({
          driftAudit: { cron: '0 7 * * *', timezone: 'Europe/Berlin' },
          health: { every: '1h' },
        }),
      ),
      log,
    });
    expect((await schedulers()).map((s) => [s.id, s.every])).toEqual([
      ['drift-audit', null],
      ['health', 3600 * 1000],
    ]);
  });

  it('removes schedules deleted from the config and leaves out those this worker cannot run', async () => {
    const schedules = schedulesSchema.parse({ driftAudit: { every: '12h' }, health: { every: '6h' } });
    expect(
      await syncSchedules({ redisUrl: redis.url, prefix, tasks: tasksOf(schedules, ['drift-audit']), log }),
    ).toEqual(['drift-audit']);
    expect((await schedulers()).map((s) => s.id)).toEqual(['drift-audit']);
    expect(
      await syncSchedules({ redisUrl: redis.url, prefix, tasks: tasksOf(schedulesSchema.parse({})), log }),
    ).toEqual([]);
    expect(await schedulers()).toEqual([]);
  });

  it('leaves job schedulers that are not schedules (background jobs on the same queue) alone', async () => {
    await queue.upsertJobScheduler('media.poll', { every: 60_000 }, { name: 'media.poll', data: {} });
    await syncSchedules({ redisUrl: redis.url, prefix, tasks: [], log });
    expect((await schedulers()).map((s) => s.id)).toEqual(['media.poll']);
    await queue.removeJobScheduler('media.poll');
  });
});
