import { hostname } from 'node:os';
import type { Redis } from 'ioredis';

/** How often a worker says it is alive, and how long a silent one still counts. */
const beatMs = 10_000;
const aliveMs = 3 * beatMs;

/** Worker liveness in Redis (a sorted set: worker → last beat), so a bot process can report it. */
export interface WorkerHeartbeat {
  /** Workers that beat within the last 30 s. */
  alive(): Promise<number>;
  close(): void;
}

/** Starts beating when `beating` is set (worker processes); every process may read. */
export function startWorkerHeartbeat(redis: Redis, keyPrefix: string, beating: boolean): WorkerHeartbeat {
  const key = `${keyPrefix}workers`;
  const me = `${hostname()}:${String(process.pid)}`;
  const beat = (): void => {
    if (redis.status !== 'ready') return;
    const now = Date.now();
    void redis
      .multi()
      .zadd(key, now, me)
      .zremrangebyscore(key, 0, now - aliveMs)
      .exec()
      .catch(() => undefined);
  };
  const timer = beating ? setInterval(beat, beatMs) : undefined;
  if (beating) redis.on('ready', beat);
  return {
    alive: () => redis.zcount(key, Date.now() - aliveMs, '+inf'),
    close: () => {
      clearInterval(timer);
      redis.off('ready', beat);
    },
  };
}
