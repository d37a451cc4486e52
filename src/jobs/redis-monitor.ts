import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../log.js';

/** `starting`: never reached yet; `up`: the watch connection is ready; `down`: it was up and is lost. */
export type RedisState = 'starting' | 'up' | 'down';

/**
 * `waiting`: BullMQ's worker, schedulers and state writes (a command waits for Redis to come back).
 * `failFast`: the bot's producer and stores (a command while Redis is down fails at once, and is
 * never replayed later, so a user told "try again" does not get the job anyway).
 */
export type ConnectionMode = 'waiting' | 'failFast';

/** Opens ioredis connections whose errors are reported as state changes, not one by one. */
export type ConnectRedis = (mode?: ConnectionMode) => Redis;

/** The process's view of Redis, shared by every connection it opens. */
export interface RedisMonitor {
  readonly connect: ConnectRedis;
  state(): RedisState;
  /** Called each time Redis comes (back) up, e.g. to repair schedules a Redis restarted empty lost. */
  onUp(listener: () => void): void;
  /** Resolves once the first connection attempt has succeeded or failed (start-up does not wait longer). */
  firstAttempt(): Promise<void>;
  close(): Promise<void>;
}

/** Reconnect delay after `attempt` failures: 250 ms doubling, capped. */
export const reconnectDelayMs = (attempt: number, capMs: number): number =>
  Math.min(250 * 2 ** Math.max(0, attempt - 1), capMs);

const modeOptions: Record<ConnectionMode, RedisOptions> = {
  waiting: { maxRetriesPerRequest: null },
  failFast: { maxRetriesPerRequest: 0, enableOfflineQueue: false },
};

/** host:port of a Redis URL, without credentials (log lines). */
const whereOf = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '6379'}`;
  } catch {
    return 'redis';
  }
};

const reasonOf = (error: unknown): string =>
  error instanceof Error ? ((error as { code?: string }).code ?? error.message) : 'connection closed';

/**
 * One watch connection decides the state and writes the log: at start-up one line per attempt
 * with the next delay (capped at 5 s), afterwards one line when Redis goes down and one when it
 * is back. Every other connection's errors are swallowed (ioredis would print each retry).
 */
export function createRedisMonitor(url: string, log: Logger): RedisMonitor {
  let state: RedisState = 'starting';
  let lastError: unknown;
  let downSince = Date.now();
  const listeners: (() => void)[] = [];
  const where = whereOf(url);
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const watch = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => {
      const delay = reconnectDelayMs(attempt, 5_000);
      settle();
      if (state === 'starting')
        log.warn(
          { redis: where, attempt, nextRetryMs: delay, reason: reasonOf(lastError) },
          'redis unreachable, retrying',
        );
      return delay;
    },
  });
  watch.on('error', (error) => {
    lastError = error;
  });
  watch.on('ready', () => {
    if (state === 'up') return;
    log.info({ redis: where, downSeconds: Math.round((Date.now() - downSince) / 1000) }, 'redis up');
    state = 'up';
    settle();
    for (const listener of listeners) listener();
  });
  watch.on('close', () => {
    if (state !== 'up') return;
    state = 'down';
    downSince = Date.now();
    log.error({ redis: where }, 'redis down: commands are refused and jobs wait until it is back');
  });
  return {
    connect: (mode = 'waiting') => {
      const redis = new Redis(url, { ...modeOptions[mode], retryStrategy: (a) => reconnectDelayMs(a, 2_000) });
      redis.on('error', () => undefined);
      return redis;
    },
    state: () => state,
    firstAttempt: () => settled,
    onUp: (listener) => {
      listeners.push(listener);
    },
    close: async () => {
      state = 'down';
      settle();
      watch.disconnect();
      await Promise.resolve();
    },
  };
}

/** True for the errors a lost connection produces (already reported once by the monitor). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNABORTED'].includes(code) ||
    /Connection is closed|Stream isn't writeable|max retries per request|connect ECONNREFUSED|Socket closed/i.test(
      error.message,
    )
  );
}
