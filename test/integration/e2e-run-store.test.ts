import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createRunStore, type RunRecord } from '../../src/store/run-store.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';

const record = (runId: string, createdAt: string): RunRecord => ({
  runId, jobId: runId, platform: 'shell', channelId: 'c', threadId: 't', rootMessageId: 'm',
  requester: { platform: 'shell', id: 'local' }, command: '/ping', status: 'queued', createdAt, updatedAt: createdAt,
});

describe('run store recent-runs index (used by /status)', () => {
  let server: PrivateRedis;
  let redis: Redis;

  beforeAll(async () => {
    server = await startTestRedis();
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    await redis.quit();
    await server.stop();
  });

  it('lists the newest runs first, up to the limit, without expired records or duplicates', async () => {
    const prefix = uniquePrefix();
    const store = createRunStore({ redis, prefix });
    await store.create(record('r-old', '2026-01-01T00:00:00.000Z'));
    await store.create(record('r-new', '2026-01-03T00:00:00.000Z'));
    await store.create(record('r-mid', '2026-01-02T00:00:00.000Z'));
    expect(await store.create(record('r-mid', '2026-01-09T00:00:00.000Z'))).toBe(false);
    await redis.del(`${prefix}run:r-old`);

    expect((await store.listRecent(10)).map((r) => r.runId)).toEqual(['r-new', 'r-mid']);
    expect((await store.listRecent(1)).map((r) => r.runId)).toEqual(['r-new']);
    expect(await createRunStore({ redis, prefix: uniquePrefix() }).listRecent(5)).toEqual([]);
  });
});
