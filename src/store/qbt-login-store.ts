import type { Redis } from 'ioredis';
import { qbtRefusalTtlMs, type QbtLoginGate, type QbtRefusal } from '../media/qbittorrent-login-gate.js';

/** Refused qBittorrent logins in Redis (`<prefix>qbt:login-refused:<fingerprint>`, expiring after an hour), shared by all workers. */
export function createQbtLoginStore(redis: Redis, prefix = 'hlb:'): QbtLoginGate {
  const key = (fingerprint: string) => `${prefix}qbt:login-refused:${fingerprint}`;
  return {
    refusal: async (fingerprint) => {
      const raw = await redis.get(key(fingerprint));
      if (raw === null) return undefined;
      const parsed = JSON.parse(raw) as Partial<QbtRefusal>;
      return typeof parsed.status === 'number' && typeof parsed.at === 'number'
        ? { status: parsed.status, at: parsed.at }
        : undefined;
    },
    recordRefusal: async (fingerprint, refusal) => {
      const left = Math.max(1, qbtRefusalTtlMs - Math.max(0, Date.now() - refusal.at));
      await redis.set(key(fingerprint), JSON.stringify(refusal), 'PX', left);
    },
    clear: async (fingerprint) => {
      await redis.del(key(fingerprint));
    },
  };
}
