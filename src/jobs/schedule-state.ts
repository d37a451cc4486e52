import type { Redis } from 'ioredis';
import type { Finding } from './scheduled-task.js';

/** What a scheduled task remembers between runs (Redis `<prefix>schedule:<kind>`). */
export interface ScheduleState {
  /** Findings of the last completed run, by key. */
  readonly findings: Readonly<Record<string, Finding>>;
  /** Completed runs so far. */
  readonly runs: number;
  /** Runs that posted (something changed). */
  readonly posts: number;
  readonly lastRunAt?: string;
}

export interface ScheduleStateStore {
  get(kind: string): Promise<ScheduleState>;
  save(kind: string, state: ScheduleState): Promise<void>;
  /** A per-kind lock so two ticks of one schedule never overlap; false when already held. */
  lock(kind: string, owner: string, ttlMs: number): Promise<boolean>;
  unlock(kind: string, owner: string): Promise<void>;
}

const empty: ScheduleState = { findings: {}, runs: 0, posts: 0 };

// Deletes the lock only when it is still ours (a lock that expired may belong to another tick).
const unlockScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

export function createScheduleStateStore(redis: Redis, prefix: string): ScheduleStateStore {
  const key = (kind: string): string => `${prefix}schedule:${kind}`;
  return {
    get: async (kind) => {
      const raw = await redis.get(key(kind));
      return raw === null ? empty : { ...empty, ...(JSON.parse(raw) as Partial<ScheduleState>) };
    },
    save: async (kind, state) => { await redis.set(key(kind), JSON.stringify(state)); },
    lock: async (kind, owner, ttlMs) => (await redis.set(`${key(kind)}:lock`, owner, 'PX', ttlMs, 'NX')) === 'OK',
    unlock: async (kind, owner) => { await redis.eval(unlockScript, 1, `${key(kind)}:lock`, owner); },
  };
}
