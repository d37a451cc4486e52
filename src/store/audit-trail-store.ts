import type { Redis } from 'ioredis';
import type { Platform } from '../chat/chat-port.js';

/** What happened to a remediation pull request, or (family loop) to a media request or issue. */
export type TrailEvent =
  | 'opened'
  | 'approved'
  | 'merged'
  | 'reverted'
  | 'refused'
  | 'request-approved'
  | 'request-declined'
  | 'issue-reported'
  | 'issue-commented'
  | 'issue-resolved';

/** One audit-trail entry (FR-6.4): who, when, where, which PR, which commits. Never a secret. */
export interface TrailEntry {
  readonly at: string;
  readonly event: TrailEvent;
  readonly who: { readonly platform: Platform; readonly id: string; readonly name?: string | undefined };
  /** The PR number; for media events the Overseerr request or issue id (`stack` is then `media`). */
  readonly pr: number;
  readonly stack: string;
  readonly service: string;
  readonly branch?: string | undefined;
  /** Head sha shown in chat / approved. */
  readonly headSha?: string | undefined;
  readonly mergeSha?: string | undefined;
  readonly revertSha?: string | undefined;
  /** Why a refusal happened (a stable code plus words). */
  readonly reason?: string | undefined;
}

/** Durable, append-only record of remediation events, and the per-PR merge claim. */
export interface AuditTrailStore {
  record(entry: Omit<TrailEntry, 'at'>): Promise<TrailEntry>;
  /** Entries at or after `since`, oldest first. */
  since(since: Date): Promise<TrailEntry[]>;
  /**
   * Claims the right to merge PR `pr` at `headSha` for `claimant` (an action id). The first claimant
   * wins for good; the same claimant may claim again (a retried job). Returns the winner.
   */
  claimMerge(
    pr: number,
    headSha: string,
    claimant: string,
  ): Promise<{ readonly won: boolean; readonly holder: string }>;
}

export interface AuditTrailStoreOptions {
  readonly redis: Redis;
  readonly prefix?: string;
  readonly clock?: () => Date;
}

/** Redis-backed trail: one sorted set scored by time (no expiry: the trail is durable). */
export function createAuditTrailStore(options: AuditTrailStoreOptions): AuditTrailStore {
  const { redis, prefix = 'hlb:', clock = () => new Date() } = options;
  const trailKey = `${prefix}audit-trail`;
  const seqKey = `${prefix}audit-trail:seq`;
  return {
    record: async (entry) => {
      const at = clock();
      const full: TrailEntry = { at: at.toISOString(), ...entry };
      // The sequence number keeps two identical entries in the same millisecond distinct.
      const seq = await redis.incr(seqKey);
      await redis.zadd(trailKey, at.getTime(), `${String(seq).padStart(12, '0')}:${JSON.stringify(full)}`);
      return full;
    },
    since: async (since) => {
      const members = await redis.zrangebyscore(trailKey, since.getTime(), '+inf');
      return members.map((m) => JSON.parse(m.slice(m.indexOf(':') + 1)) as TrailEntry);
    },
    claimMerge: async (pr, headSha, claimant) => {
      const key = `${prefix}merge-claim:${pr}:${headSha}`;
      const set = await redis.set(key, claimant, 'NX');
      const holder = set === 'OK' ? claimant : ((await redis.get(key)) ?? claimant);
      return { won: holder === claimant, holder };
    },
  };
}
