import { Redis } from 'ioredis';
import { createActionStore, type ActionStore } from './action-store.js';
import { createAuditTrailStore, type AuditTrailStore } from './audit-trail-store.js';
import { createDedupeStore, type DedupeStore } from './dedupe-store.js';
import { createIntentStore, type IntentStore } from './intent-store.js';
import { createHealthStore, type HealthStore } from './health-store.js';
import type { QbtLoginGate } from '../media/qbittorrent-login-gate.js';
import { createQbtLoginStore } from './qbt-login-store.js';
import { createRunStore, type RunStore } from './run-store.js';
import type { SubscriptionStore } from '../media/subscriptions.js';
import { createSubscriptionStore } from './subscription-store.js';

/** The Redis-backed stores the dispatcher and the worker share, on one connection. */
export interface Stores {
  readonly runStore: RunStore;
  readonly actionStore: ActionStore;
  readonly dedupeStore: DedupeStore;
  /** Commands received but not yet recorded as runs (saved before the ack). */
  readonly intentStore: IntentStore;
  /** Media "notify me too" subscriptions and sent notices. */
  readonly subscriptionStore: SubscriptionStore;
  /** Remediation audit trail and merge claims (durable). */
  readonly auditTrailStore: AuditTrailStore;
  /** The last /health run (for /status). */
  readonly healthStore: HealthStore;
  /** Refused qBittorrent logins, so no worker tries again for an hour (qBittorrent bans after 5). */
  readonly qbtLoginGate: QbtLoginGate;
  close(): Promise<void>;
}

export interface StoresOptions {
  readonly redisUrl: string;
  /** Key prefix (default `hlb:`); tests pass a unique one. */
  readonly prefix?: string;
  readonly clock?: () => Date;
  /** A connection to use (the process's monitored one); default a new one on `redisUrl`. */
  readonly redis?: Redis;
}

export function createStores(options: StoresOptions): Stores {
  const redis = options.redis ?? new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
  // A lost connection fails the commands that need it; ioredis would also print every retry to stderr.
  if (options.redis === undefined) redis.on('error', () => undefined);
  const prefix = options.prefix ?? 'hlb:';
  const clock = options.clock ?? (() => new Date());
  return {
    runStore: createRunStore({ redis, prefix, clock }),
    actionStore: createActionStore({ redis, prefix, clock }),
    dedupeStore: createDedupeStore(redis, prefix),
    intentStore: createIntentStore(redis, prefix),
    auditTrailStore: createAuditTrailStore({ redis, prefix, clock }),
    subscriptionStore: createSubscriptionStore({ redis, prefix }),
    healthStore: createHealthStore({ redis, prefix }),
    qbtLoginGate: createQbtLoginStore(redis, prefix),
    close: async () => {
      if (redis.status === 'ready') await redis.quit().catch(() => undefined);
      else redis.disconnect();
    },
  };
}
