import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProducer } from '../../src/jobs/queue.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores } from '../../src/store/stores.js';
import { exited, spawnReadyChild } from './child-process.js';
import { eventually, runSucceeded, startTestRedis, uniquePrefix } from './core-harness.js';
import type { RecordedCall } from './core-recording-chat.js';
import { jobSpecs } from '../../src/commands/registry.js';

const childScript = fileURLToPath(new URL('./core-worker-child.ts', import.meta.url));

const spawnWorker = (env: Record<string, string>): Promise<ChildProcess> => spawnReadyChild(childScript, env);

describe('worker stopped mid-job (SIGKILL, or SIGTERM past its shutdown deadline)', () => {
  let redis: PrivateRedis;
  const dir = mkdtempSync(join(tmpdir(), 'hlb-core-kill-'));

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A queued `/ping` run `runId` that waits `delay` s, a fresh call log, and the env of its workers. */
  async function queuedPing(runId: string, delay: number) {
    const prefix = uniquePrefix();
    const file = join(dir, `${runId}.jsonl`);
    writeFileSync(file, '');
    const env = { REDIS_URL: redis.url, PREFIX: prefix, RECORD_FILE: file };
    const stores = createStores({ redisUrl: redis.url, prefix });
    const producer = createProducer({ redisUrl: redis.url, prefix: `${prefix}bull`, jobs: jobSpecs });
    const now = new Date().toISOString();
    const requester = { platform: 'shell' as const, id: 'local', name: 'local' };
    await stores.runStore.create({
      runId,
      jobId: runId,
      platform: 'shell',
      channelId: 'c',
      threadId: 'T1',
      rootMessageId: 'root',
      statusMessage: { platform: 'shell', channelId: 'c', messageId: 'root' },
      requester,
      command: '/ping',
      status: 'queued',
      createdAt: now,
      updatedAt: now,
    });
    await producer.enqueue('system.ping', { runId, requester, options: { delay } }, { jobId: runId });
    const calls = (): RecordedCall[] =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as RecordedCall);
    const inDelay = () =>
      eventually(
        async () =>
          Promise.resolve(calls().some((c) => c.text?.includes(`waiting ${String(delay)}s`)) ? true : undefined),
        'first worker in its delay',
      );
    const succeeded = () => runSucceeded(stores.runStore, runId, 90_000);
    const close = async (): Promise<void> => {
      await producer.close();
      await stores.close();
    };
    return { env, stores, calls, inDelay, succeeded, close };
  }

  it('picks the job up in a new worker process and posts the result exactly once', async () => {
    const { env, stores, calls, inDelay, succeeded, close } = await queuedPing('r-kill', 4);
    const first = await spawnWorker(env);
    await inDelay();
    first.kill('SIGKILL');
    await exited(first);
    expect((await stores.runStore.get('r-kill'))?.status).toBe('running');

    const second = await spawnWorker(env);
    const run = await succeeded();

    const pongs = calls().filter((c) => c.op === 'post' && c.text?.includes('**Pong**') === true);
    expect(pongs).toHaveLength(1);
    expect(pongs[0]?.pid).toBe(second.pid);
    expect(pongs[0]?.threadId).toBe('T1');
    expect(run.resultMessage?.messageId).toBe(pongs[0]?.messageId);
    expect(calls().some((c) => c.pid === first.pid)).toBe(true);

    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
    await close();
  });

  it('exits at its shutdown deadline on SIGTERM mid-job and leaves the job to the next worker, which posts once', async () => {
    const { env, calls, inDelay, succeeded, close } = await queuedPing('r-term', 6);
    const first = await spawnWorker({ ...env, SHUTDOWN_DEADLINE_MS: '1000' });
    await inDelay();
    first.kill('SIGTERM');
    // The job outlives the 1 s deadline: the worker gives up waiting for it (status 1) long before it ends.
    expect(await exited(first)).toBe(1);
    expect(calls().some((c) => c.pid === first.pid && c.text?.includes('**Pong**') === true)).toBe(false);

    const second = await spawnWorker(env);
    const run = await succeeded();
    const pongs = calls().filter((c) => c.op === 'post' && c.text?.includes('**Pong**') === true);
    expect(pongs.map((c) => c.pid)).toEqual([second.pid]);
    expect(run.resultMessage?.messageId).toBe(pongs[0]?.messageId);
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
    await close();
  });
});
