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
import { eventually, startTestRedis, uniquePrefix } from './core-harness.js';
import type { RecordedCall } from './core-recording-chat.js';
import { jobSpecs } from '../../src/commands/registry.js';

const childScript = fileURLToPath(new URL('./core-worker-child.ts', import.meta.url));

const spawnWorker = (env: Record<string, string>): Promise<ChildProcess> => spawnReadyChild(childScript, env);

describe('worker killed with SIGKILL mid-job', () => {
  let redis: PrivateRedis;
  const dir = mkdtempSync(join(tmpdir(), 'hlb-core-kill-'));

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('picks the job up in a new worker process and posts the result exactly once', async () => {
    const prefix = uniquePrefix();
    const file = join(dir, 'calls.jsonl');
    writeFileSync(file, '');
    const env = { REDIS_URL: redis.url, PREFIX: prefix, RECORD_FILE: file };
    const stores = createStores({ redisUrl: redis.url, prefix });
    const producer = createProducer({ redisUrl: redis.url, prefix: `${prefix}bull`, jobs: jobSpecs });
    const now = new Date().toISOString();
    const requester = { platform: 'shell' as const, id: 'local', name: 'local' };
    await stores.runStore.create({
      runId: 'r-kill',
      jobId: 'r-kill',
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
    await producer.enqueue('system.ping', { runId: 'r-kill', requester, options: { delay: 4 } }, { jobId: 'r-kill' });
    const calls = (): RecordedCall[] =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as RecordedCall);

    const first = await spawnWorker(env);
    await eventually(
      async () => Promise.resolve(calls().some((c) => c.text?.includes('waiting 4s')) ? true : undefined),
      'first worker in its delay',
    );
    first.kill('SIGKILL');
    await exited(first);
    expect((await stores.runStore.get('r-kill'))?.status).toBe('running');

    const second = await spawnWorker(env);
    const run = await eventually(
      async () => {
        const record = await stores.runStore.get('r-kill');
        return record?.status === 'succeeded' ? record : undefined;
      },
      'run succeeded',
      90_000,
    );

    const pongs = calls().filter((c) => c.op === 'post' && c.text?.includes('**Pong**') === true);
    expect(pongs).toHaveLength(1);
    expect(pongs[0]?.pid).toBe(second.pid);
    expect(pongs[0]?.threadId).toBe('T1');
    expect(run.resultMessage?.messageId).toBe(pongs[0]?.messageId);
    expect(calls().some((c) => c.pid === first.pid)).toBe(true);

    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
    await producer.close();
    await stores.close();
  });
});
