import type { Redis } from 'ioredis';
import type { HealthRun } from '../checks/run-checks.js';

/** The last health run, cached so `/status` can answer without asking every service. */
export interface HealthStore {
  save(run: HealthRun): Promise<void>;
  /** The newest saved run, or undefined when none was saved (or it expired). */
  last(): Promise<HealthRun | undefined>;
}

export interface HealthStoreOptions {
  readonly redis: Redis;
  readonly prefix?: string;
  /** How long a run is kept (default 30 days). */
  readonly ttlSeconds?: number;
}

export function createHealthStore(options: HealthStoreOptions): HealthStore {
  const { redis, prefix = 'hlb:', ttlSeconds = 30 * 24 * 3600 } = options;
  const key = `${prefix}health:last`;
  return {
    save: async (run) => {
      await redis.set(key, JSON.stringify(run), 'EX', ttlSeconds);
    },
    last: async () => {
      const raw = await redis.get(key);
      return raw === null ? undefined : (JSON.parse(raw) as HealthRun);
    },
  };
}
