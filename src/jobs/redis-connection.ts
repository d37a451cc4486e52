import { Redis } from 'ioredis';
import type { ConnectionMode, ConnectRedis } from './redis-monitor.js';

/** An ioredis connection as BullMQ wants it (no per-request retry limit for blocking calls). */
export const connectRedis = (url: string): Redis => new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });

/** Where a unit gets its connection: the process's `RedisMonitor` when given, else a plain one on `redisUrl`. */
export interface RedisSource {
  readonly redisUrl: string;
  /** The process's monitored connections (`RedisMonitor.connect`); tests may leave it out. */
  readonly connect?: ConnectRedis | undefined;
}

/** Quits a ready connection; drops one that is (re)connecting, where QUIT would wait for Redis. */
export async function closeConnection(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => undefined);
  else redis.disconnect();
}

/** A connection error on a BullMQ queue handle is the monitor's to report; without a listener BullMQ prints it. */
export const quietErrors = <T extends { on(event: 'error', listener: (error: Error) => void): unknown }>(
  emitter: T,
): T => {
  emitter.on('error', () => undefined);
  return emitter;
};

/** True once `redis` is ready, waiting at most `ms` for it (a connection still being opened at start-up). */
export async function readyWithin(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  if (redis.status === 'end' || redis.status === 'close') return false;
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ok);
    };
    const onReady = (): void => {
      done(true);
    };
    const timer = setTimeout(() => {
      done(false);
    }, ms);
    redis.on('ready', onReady);
  });
}

export const openConnection = (source: RedisSource, mode: ConnectionMode = 'waiting'): Redis =>
  source.connect?.(mode) ?? connectRedis(source.redisUrl);
