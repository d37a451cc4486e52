import type { Redis } from 'ioredis';

/**
 * Short-window content dedupe: the first caller for a key gets `undefined` and becomes the
 * owner; later callers get the owner's run id until the window ends or `replace` runs.
 */
export interface DedupeStore {
  acquire(contentKey: string, runId: string, windowSeconds: number): Promise<string | undefined>;
  /** Takes over a key whose owner run has finished. */
  replace(contentKey: string, runId: string, windowSeconds: number): Promise<void>;
}

export function createDedupeStore(redis: Redis, prefix = 'hlb:'): DedupeStore {
  const key = (k: string): string => `${prefix}dedupe:${k}`;
  return {
    acquire: async (contentKey, runId, windowSeconds) => {
      const set = await redis.set(key(contentKey), runId, 'EX', windowSeconds, 'NX');
      if (set === 'OK') return undefined;
      return (await redis.get(key(contentKey))) ?? undefined;
    },
    replace: async (contentKey, runId, windowSeconds) => {
      await redis.set(key(contentKey), runId, 'EX', windowSeconds);
    },
  };
}
