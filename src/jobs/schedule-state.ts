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
  /**
   * A per-kind lease so two ticks of one schedule never overlap; false when another owner holds it.
   * The same owner (a retried tick) takes it again at once.
   */
  lock(kind: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends a lease still held by `owner`; false when it was lost (expired, taken over). */
  renew(kind: string, owner: string, ttlMs: number): Promise<boolean>;
  unlock(kind: string, owner: string): Promise<void>;
}

const empty: ScheduleState = { findings: {}, runs: 0, posts: 0 };

// Deletes the lock only when it is still ours (a lock that expired may belong to another tick).
const unlockScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
// Takes a free lease, or re-takes our own (a retried tick); refreshes its expiry either way.
const lockScript =
  "local cur = redis.call('get', KEYS[1]) if cur == false or cur == ARGV[1] then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end return 0";
const renewScript =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0";

export function createScheduleStateStore(redis: Redis, prefix: string): ScheduleStateStore {
  const key = (kind: string): string => `${prefix}schedule:${kind}`;
  return {
    get: async (kind) => {
      const raw = await redis.get(key(kind));
      return raw === null ? empty : { ...empty, ...(JSON.parse(raw) as Partial<ScheduleState>) };
    },
    save: async (kind, state) => {
      await redis.set(key(kind), JSON.stringify(state));
    },
    lock: async (kind, owner, ttlMs) =>
      (await redis.eval(lockScript, 1, `${key(kind)}:lock`, owner, String(ttlMs))) === 1,
    renew: async (kind, owner, ttlMs) =>
      (await redis.eval(renewScript, 1, `${key(kind)}:lock`, owner, String(ttlMs))) === 1,
    unlock: async (kind, owner) => {
      await redis.eval(unlockScript, 1, `${key(kind)}:lock`, owner);
    },
  };
}
