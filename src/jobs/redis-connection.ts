import { Redis } from 'ioredis';

/** An ioredis connection as BullMQ wants it (no per-request retry limit for blocking calls). */
export const connectRedis = (url: string): Redis => new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
