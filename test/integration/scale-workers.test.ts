import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobSpecs } from '../../src/commands/registry.js';
import { laneQueueName } from '../../src/jobs/lanes.js';
import { createProducer, type Producer } from '../../src/jobs/queue.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores, type Stores } from '../../src/store/stores.js';
import { exited, spawnReadyChild } from './child-process.js';
import { eventually, startTestRedis, uniquePrefix } from './core-harness.js';
import type { RecordedCall } from './core-recording-chat.js';

const childScript = fileURLToPath(new URL('./scale-worker-child.ts', import.meta.url));
const requester = { platform: 'shell' as const, id: 'local', name: 'local' };

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

describe('three worker processes on one Redis (real child processes, real redis-server)', () => {
  let redis: PrivateRedis;
  let stores: Stores;
  let producer: Producer;
  let queue: Queue;
  let connection: Redis;
  const workers: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'hlb-scale-'));
  const calls = join(dir, 'calls.jsonl');
  const ticks = join(dir, 'ticks.jsonl');
  const prefix = uniquePrefix();

  const ping = async (runId: string, delay: number): Promise<void> => {
    const now = new Date().toISOString();
    await stores.runStore.create({
      runId,
      jobId: runId,
      platform: 'shell',
      channelId: 'c',
      threadId: `T-${runId}`,
      rootMessageId: 'root',
      statusMessage: { platform: 'shell', channelId: 'c', messageId: 'root' },
      requester,
      command: '/ping',
      status: 'queued',
      createdAt: now,
      updatedAt: now,
    });
    await producer.enqueue('system.ping', { runId, requester, options: { delay } }, { jobId: runId });
  };
  const pongs = (): RecordedCall[] =>
    readJsonl<RecordedCall>(calls).filter((c) => c.op === 'post' && c.text?.includes('**Pong**') === true);
  const succeeded = async (runIds: readonly string[]): Promise<boolean> =>
    (await Promise.all(runIds.map((r) => stores.runStore.get(r)))).every((r) => r?.status === 'succeeded');

  beforeAll(async () => {
    redis = await startTestRedis();
    writeFileSync(calls, '');
    writeFileSync(ticks, '');
    stores = createStores({ redisUrl: redis.url, prefix });
    producer = createProducer({ redisUrl: redis.url, prefix: `${prefix}bull`, jobs: jobSpecs });
    connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    // Scheduled ticks are long work: their scheduler and jobs live in the long lane's queue.
    queue = new Queue(laneQueueName('long'), { connection, prefix: `${prefix}bull` });
    const env = { REDIS_URL: redis.url, PREFIX: prefix, RECORD_FILE: calls, TICK_FILE: ticks };
    workers.push(...(await Promise.all([1, 2, 3].map(() => spawnReadyChild(childScript, env)))));
  }, 120_000);
  afterAll(async () => {
    const running = workers.filter((w) => w.exitCode === null && w.signalCode === null);
    for (const w of running) w.kill('SIGTERM');
    await Promise.all(running.map((w) => exited(w)));
    await queue.close();
    await connection.quit();
    await producer.close();
    await stores.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every job exactly once, spread over the workers', async () => {
    const runIds = Array.from({ length: 12 }, (_, i) => `r-scale-${String(i)}`);
    for (const runId of runIds) await ping(runId, 1);
    await eventually(async () => ((await succeeded(runIds)) ? true : undefined), 'all pings succeeded', 90_000);
    const posted = pongs();
    expect(posted.map((p) => p.threadId).sort()).toEqual(runIds.map((r) => `T-${r}`).sort());
    expect(new Set(posted.map((p) => p.pid)).size).toBeGreaterThan(1);
  }, 120_000);

  it('fires the schedule once per period although three workers wrote and serve it', async () => {
    await eventually(
      async () => Promise.resolve(readJsonl(ticks).length >= 4 ? true : undefined),
      'four ticks',
      60_000,
    );
    const jobs = await queue.getJobs(['completed', 'active', 'failed'], 0, -1);
    const scheduled = jobs.filter((j) => j.name === 'schedule.health');
    const periods = scheduled.map((j) => j.id ?? '');
    expect(new Set(periods).size).toBe(periods.length);
    expect(scheduled.every((j) => j.attemptsMade <= 1)).toBe(true);
    // Every tick is one scheduler job (none ran twice), and each job is its own 2 s period.
    const completed = scheduled.filter((j) => j.finishedOn !== undefined && !j.failedReason);
    const ticked = readJsonl<{ pid: number; at: number }>(ticks);
    expect(ticked.length).toBeLessThanOrEqual(scheduled.length);
    expect(completed.length).toBeGreaterThanOrEqual(4);
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['health']);
  }, 90_000);

  it("takes over a SIGKILLed worker's job and posts its result once", async () => {
    await ping('r-scale-kill', 4);
    const holder = await eventually(
      async () => Promise.resolve(readJsonl<RecordedCall>(calls).find((c) => c.text?.includes('waiting 4s'))),
      'a worker in the delay',
    );
    const victim = workers.find((w) => w.pid === holder.pid);
    if (victim === undefined) throw new Error(`no worker with pid ${String(holder.pid)}`);
    victim.kill('SIGKILL');
    await exited(victim);
    await eventually(async () => ((await succeeded(['r-scale-kill'])) ? true : undefined), 'taken over', 90_000);
    const posted = pongs().filter((p) => p.threadId === 'T-r-scale-kill');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.pid).not.toBe(holder.pid);
  }, 120_000);
});
