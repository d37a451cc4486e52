import type { Redis } from 'ioredis';
import type {
  NoticeClaim,
  NoticeKey,
  Subscriber,
  SubscriptionStore,
  SubscriptionTarget,
} from '../media/subscriptions.js';

/** Options of {@link createSubscriptionStore}. */
export interface SubscriptionStoreOptions {
  readonly redis: Redis;
  /** Key prefix (default `hlb:`). */
  readonly prefix?: string;
  /** How long subscriptions and sent-notice marks are kept (default 400 days). */
  readonly retentionSeconds?: number;
}

const defaultRetention = 400 * 24 * 3600;
// A DM takes seconds; a crashed sender's claim frees up well within the notify job's retries.
const defaultLease = 60;

const member = (s: Subscriber): string => `${s.platform}:${s.userId}`;

function toSubscriber(raw: string): Subscriber | undefined {
  const at = raw.indexOf(':');
  const platform = raw.slice(0, at);
  if (at < 0 || (platform !== 'discord' && platform !== 'slack' && platform !== 'shell')) return undefined;
  return { platform, userId: raw.slice(at + 1) };
}

// KEYS[1] = notice key; ARGV[1] = lease seconds. 'sent' is permanent, 'sending' is a lease.
const claimScript = `
local v = redis.call('GET', KEYS[1])
if v == 'sent' then return 'sent' end
if v then return 'busy' end
redis.call('SET', KEYS[1], 'sending', 'EX', tonumber(ARGV[1]))
return 'claimed'`;

// KEYS[1] = notice key; releases only an unconfirmed lease.
const releaseScript = `
if redis.call('GET', KEYS[1]) == 'sending' then redis.call('DEL', KEYS[1]) end
return 1`;

/** Creates the store on an existing ioredis connection. */
export function createSubscriptionStore(options: SubscriptionStoreOptions): SubscriptionStore {
  const { redis, prefix = 'hlb:', retentionSeconds = defaultRetention } = options;
  const mediaKey = (t: SubscriptionTarget): string => `${prefix}media-sub:${t.mediaType}:${t.tmdbId}`;
  const requestKey = (id: number): string => `${prefix}media-sub:request:${id}`;
  const keysOf = (t: SubscriptionTarget): string[] =>
    t.requestId === undefined ? [mediaKey(t)] : [mediaKey(t), requestKey(t.requestId)];
  const noticeKey = (k: NoticeKey): string =>
    `${prefix}media-notice:${k.event}:${k.requestId}:${k.platform}:${k.userId}`;

  return {
    subscribe: async (target) => {
      const tx = redis.multi();
      for (const key of keysOf(target)) tx.sadd(key, member(target)).expire(key, retentionSeconds);
      const results = (await tx.exec()) ?? [];
      return results.some(([error, added], i) => error === null && i % 2 === 0 && added === 1);
    },
    unsubscribe: async (target) => {
      const tx = redis.multi();
      for (const key of keysOf(target)) tx.srem(key, member(target));
      await tx.exec();
    },
    list: async (target) => {
      const raw = await redis.sunion(...keysOf(target));
      return raw
        .sort()
        .map(toSubscriber)
        .filter((s): s is Subscriber => s !== undefined);
    },
    claimNotice: async (key, leaseSeconds = defaultLease) =>
      (await redis.eval(claimScript, 1, noticeKey(key), String(leaseSeconds))) as NoticeClaim,
    confirmNotice: async (key) => {
      await redis.set(noticeKey(key), 'sent', 'EX', retentionSeconds);
    },
    releaseNotice: async (key) => {
      await redis.eval(releaseScript, 1, noticeKey(key));
    },
    markNotified: async (key) => {
      const before = await redis.set(noticeKey(key), 'sent', 'EX', retentionSeconds, 'GET');
      return before !== 'sent';
    },
    isNotified: async (key) => (await redis.get(noticeKey(key))) === 'sent',
    forgetNotice: async (key) => {
      await redis.del(noticeKey(key));
    },
    firstTime: async (flag) => (await redis.set(`${prefix}media-flag:${flag}`, '1', 'NX')) === 'OK',
  };
}
