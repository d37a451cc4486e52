import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { NoticeKey } from '../../src/media/subscriptions.js';
import { createSubscriptionStore } from '../../src/store/subscription-store.js';
import { uniquePrefix, useTestRedis } from './core-harness.js';

const notice: NoticeKey = { event: 'MEDIA_AVAILABLE', requestId: 7, platform: 'discord', userId: '222222222222222222' };

describe('media subscription store (real redis-server)', () => {
  const db = useTestRedis();

  it('lists media subscribers and request subscribers together, once each, and survives a new connection', async () => {
    const prefix = uniquePrefix();
    const store = createSubscriptionStore({ redis: db.redis, prefix });
    expect(await store.subscribe({ mediaType: 'movie', tmdbId: 603, platform: 'discord', userId: '111' })).toBe(true);
    expect(await store.subscribe({ mediaType: 'movie', tmdbId: 603, platform: 'discord', userId: '111' })).toBe(false);
    expect(
      await store.subscribe({ mediaType: 'movie', tmdbId: 603, requestId: 9, platform: 'slack', userId: 'U0ABC' }),
    ).toBe(true);
    await store.subscribe({ mediaType: 'tv', tmdbId: 603, platform: 'discord', userId: '333' });
    const other = new Redis(db.url);
    try {
      const fresh = createSubscriptionStore({ redis: other, prefix });
      expect(await fresh.list({ mediaType: 'movie', tmdbId: 603, requestId: 9 })).toEqual([
        { platform: 'discord', userId: '111' },
        { platform: 'slack', userId: 'U0ABC' },
      ]);
      expect(await fresh.list({ mediaType: 'movie', tmdbId: 603 })).toEqual([
        { platform: 'discord', userId: '111' },
        { platform: 'slack', userId: 'U0ABC' },
      ]);
      expect(await fresh.list({ mediaType: 'tv', tmdbId: 603 })).toEqual([{ platform: 'discord', userId: '333' }]);
    } finally {
      await other.quit();
    }
    await store.unsubscribe({ mediaType: 'movie', tmdbId: 603, requestId: 9, platform: 'slack', userId: 'U0ABC' });
    expect(await store.list({ mediaType: 'movie', tmdbId: 603, requestId: 9 })).toEqual([
      { platform: 'discord', userId: '111' },
    ]);
  });

  it('lets exactly one of many concurrent senders claim a notice, and never again once confirmed', async () => {
    const store = createSubscriptionStore({ redis: db.redis, prefix: uniquePrefix() });
    const claims = await Promise.all(Array.from({ length: 10 }, () => store.claimNotice(notice)));
    expect(claims.filter((c) => c === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c === 'busy')).toHaveLength(9);
    await store.confirmNotice(notice);
    await store.releaseNotice(notice);
    expect(await store.claimNotice(notice)).toBe('sent');
    expect(await store.isNotified(notice)).toBe(true);
    expect(await store.isNotified({ ...notice, event: 'MEDIA_APPROVED' })).toBe(false);
  });

  it('frees a released claim for a later sender and marks notices idempotently', async () => {
    const store = createSubscriptionStore({ redis: db.redis, prefix: uniquePrefix() });
    expect(await store.claimNotice(notice)).toBe('claimed');
    await store.releaseNotice(notice);
    expect(await store.claimNotice(notice)).toBe('claimed');
    const other = { ...notice, requestId: 8 };
    expect(await store.markNotified(other)).toBe(true);
    expect(await store.markNotified(other)).toBe(false);
    expect(await store.claimNotice(other)).toBe('sent');
  });

  it('raises a flag only once, also for a second store on the same Redis', async () => {
    const prefix = uniquePrefix();
    expect(await createSubscriptionStore({ redis: db.redis, prefix }).firstTime('baseline')).toBe(true);
    expect(await createSubscriptionStore({ redis: db.redis, prefix }).firstTime('baseline')).toBe(false);
    expect(await createSubscriptionStore({ redis: db.redis, prefix }).firstTime('other')).toBe(true);
  });
});
