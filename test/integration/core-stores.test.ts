import { describe, expect, it } from 'vitest';
import { createActionStore, type NewAction } from '../../src/store/action-store.js';
import { createRunStore, type RunRecord } from '../../src/store/run-store.js';
import { uniquePrefix, useTestRedis } from './core-harness.js';

const action = (singleUse: boolean): NewAction => ({
  kind: 'system.ping-ack',
  label: 'Acknowledge',
  style: 'primary',
  payload: { pingRunId: 'r-1', list: [] },
  role: 'operator',
  singleUse,
  createdBy: { platform: 'discord', id: '111' },
  runId: 'r-1',
});

const runRecord = (runId: string, createdAt: string): RunRecord => ({
  runId,
  jobId: runId,
  platform: 'shell',
  channelId: 'c',
  threadId: 't',
  rootMessageId: 'm',
  requester: { platform: 'shell', id: 'local' },
  command: '/ping',
  status: 'queued',
  createdAt,
  updatedAt: createdAt,
});

describe('Redis stores (real redis-server)', () => {
  const db = useTestRedis();

  it('lets exactly one of many simultaneous clicks claim a single-use action', async () => {
    const store = createActionStore({ redis: db.redis, prefix: uniquePrefix() });
    const record = await store.create(action(true), 60_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => store.claim(record.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'used')).toHaveLength(19);
    expect((await store.get(record.id))?.status).toBe('running');
    expect((await store.get(record.id))?.payload).toEqual({ pingRunId: 'r-1', list: [] });
  });

  it('keeps multi-use actions clickable and distinguishes unknown from expired', async () => {
    const prefix = uniquePrefix();
    const store = createActionStore({ redis: db.redis, prefix });
    const multi = await store.create(action(false), 60_000);
    expect((await store.claim(multi.id)).ok).toBe(true);
    expect((await store.claim(multi.id)).ok).toBe(true);
    expect(await store.claim('AAAAAAAAAAAAAAAAAAAAAA')).toEqual({ ok: false, reason: 'unknown' });
    const old = createActionStore({ redis: db.redis, prefix, clock: () => new Date(Date.now() - 120_000) });
    const expired = await old.create(action(true), 60_000);
    expect(await store.claim(expired.id)).toMatchObject({ ok: false, reason: 'expired' });
    expect(await db.redis.pttl(`${prefix}action:${expired.id}`)).toBeGreaterThan(6 * 24 * 3600 * 1000);
  });

  it('creates a run record once and merges updates', async () => {
    const store = createRunStore({
      redis: db.redis,
      prefix: uniquePrefix(),
      clock: () => new Date('2026-01-02T03:04:05Z'),
    });
    const record: RunRecord = {
      runId: 'r-1',
      jobId: 'r-1',
      platform: 'slack',
      channelId: 'C1',
      threadId: '1700000000.000100',
      rootMessageId: '1700000000.000100',
      requester: { platform: 'slack', id: 'U1' },
      command: '/ping',
      status: 'queued',
      createdAt: 'then',
      updatedAt: 'then',
    };
    expect(await store.create(record)).toBe(true);
    expect(await store.create({ ...record, channelId: 'C2' })).toBe(false);
    const next = await store.update('r-1', { status: 'running' });
    expect(next).toMatchObject({ channelId: 'C1', status: 'running', updatedAt: '2026-01-02T03:04:05.000Z' });
    expect(await store.get('r-1')).toEqual(next);
    await expect(store.update('r-missing', { status: 'failed' })).rejects.toThrow(/not found/);
  });

  it('lists the newest runs first, up to the limit, without expired records or duplicates', async () => {
    const prefix = uniquePrefix();
    const store = createRunStore({ redis: db.redis, prefix });
    await store.create(runRecord('r-old', '2026-01-01T00:00:00.000Z'));
    await store.create(runRecord('r-new', '2026-01-03T00:00:00.000Z'));
    await store.create(runRecord('r-mid', '2026-01-02T00:00:00.000Z'));
    expect(await store.create(runRecord('r-mid', '2026-01-09T00:00:00.000Z'))).toBe(false);
    await db.redis.del(`${prefix}run:r-old`);

    expect((await store.listRecent(10)).map((r) => r.runId)).toEqual(['r-new', 'r-mid']);
    expect((await store.listRecent(1)).map((r) => r.runId)).toEqual(['r-new']);
    expect(await createRunStore({ redis: db.redis, prefix: uniquePrefix() }).listRecent(5)).toEqual([]);
  });
});
