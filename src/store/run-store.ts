import type { Redis } from 'ioredis';
import type { MessageRef, Platform } from '../chat/chat-port.js';

/** `refused`: the processor declined with a UserError (not configured, bad input): an answer, not a fault. */
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'refused';

/**
 * Durable record of one command or action run: where its messages live, so a worker can
 * post and edit with the bot token after restarts (interaction tokens expire after 15 min).
 */
export interface RunRecord {
  readonly runId: string;
  readonly jobId: string;
  readonly platform: Platform;
  readonly channelId: string;
  readonly threadId: string;
  readonly rootMessageId: string;
  /** The "⏳ queued" message (its ref, id included), edited as the run progresses. */
  readonly statusMessage?: MessageRef;
  /** The posted result, so a retried job edits instead of posting twice. */
  readonly resultMessage?: MessageRef;
  readonly requester: { readonly platform: Platform; readonly id: string; readonly name?: string };
  readonly command: string;
  readonly status: RunStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly error?: string;
  /** Discord guild or Slack team of the invocation (buttons of this run must be clicked there). */
  readonly workspaceId?: string;
  /**
   * Set while the public line (and thread) of the run is still to be posted: the run and its
   * job are saved before any chat call, and whichever side comes first, bot or worker, posts it
   * (see `ensureAnnounced`). `threadId`/`rootMessageId` are empty until then, unless the run
   * belongs to an existing thread (`threadId` set).
   */
  readonly announce?: Announcement | undefined;
  /**
   * The job the bot enqueues for this run (name and validated payload), saved with the record
   * so a worker can enqueue it if the bot died in between (see `requeueOrphans`).
   */
  readonly pendingJob?: { readonly name: string; readonly payload: unknown };
}

/** The public line a run still has to post: in a new thread titled `title`, or into `threadId`. */
export interface Announcement {
  readonly text: string;
  /** Title of the thread to open on the line; absent when the line goes into the run's thread. */
  readonly title?: string;
  /**
   * The line is a note (a button click), not the run's status line: it is not recorded as
   * `statusMessage`, so the worker never edits it into "Running"/"Done".
   */
  readonly note?: boolean;
  /**
   * Set just before the first post: a side that takes over finds it set when the holder died
   * mid-post, and looks the line up (`ChatPort.findPosted`) before posting it again.
   */
  readonly attempted?: boolean;
}

/** Run records in Redis under `<prefix>run:<runId>`, kept for `ttlSeconds`. */
export interface RunStore {
  /** Saves a new record; false when the run id already exists (duplicate invocation). */
  create(record: RunRecord): Promise<boolean>;
  get(runId: string): Promise<RunRecord | undefined>;
  /** Merges `patch` into the record (and bumps `updatedAt`); returns the new record. */
  update(runId: string, patch: Partial<Omit<RunRecord, 'runId'>>): Promise<RunRecord>;
  /** The newest runs first (by creation), at most `limit`; expired records are left out. */
  listRecent(limit: number): Promise<RunRecord[]>;
  /**
   * Takes the lease on posting the run's announcement for `seconds`; false while another
   * process holds it. A holder that dies loses it when it expires.
   */
  leaseAnnouncement(runId: string, seconds: number): Promise<boolean>;
  /** Drops the announcement lease (after the record was updated). */
  releaseAnnouncement(runId: string): Promise<void>;
}

export interface RunStoreOptions {
  readonly redis: Redis;
  readonly prefix?: string;
  readonly clock?: () => Date;
  readonly ttlSeconds?: number;
}

/** How many run ids the recent-runs index keeps. */
const indexSize = 500;

export function createRunStore(options: RunStoreOptions): RunStore {
  const { redis, prefix = 'hlb:', clock = () => new Date(), ttlSeconds = 30 * 24 * 3600 } = options;
  const key = (runId: string): string => `${prefix}run:${runId}`;
  // A sorted set of run ids by creation time, capped, so listRecent needs no SCAN.
  const index = `${prefix}runs:recent`;
  const get = async (runId: string): Promise<RunRecord | undefined> => {
    const raw = await redis.get(key(runId));
    return raw === null ? undefined : (JSON.parse(raw) as RunRecord);
  };
  return {
    create: async (record) => {
      const created = (await redis.set(key(record.runId), JSON.stringify(record), 'EX', ttlSeconds, 'NX')) === 'OK';
      if (created)
        await redis
          .multi()
          .zadd(index, Date.parse(record.createdAt) || clock().getTime(), record.runId)
          .zremrangebyrank(index, 0, -(indexSize + 1))
          .exec();
      return created;
    },
    get,
    listRecent: async (limit) => {
      const ids = await redis.zrevrange(index, 0, Math.max(0, limit - 1));
      if (ids.length === 0) return [];
      const raws = await redis.mget(ids.map(key));
      return raws.flatMap((raw) => (raw === null ? [] : [JSON.parse(raw) as RunRecord]));
    },
    update: async (runId, patch) => {
      const current = await get(runId);
      if (current === undefined) throw new Error(`run ${runId} not found`);
      const next: RunRecord = { ...current, ...patch, runId, updatedAt: clock().toISOString() };
      await redis.set(key(runId), JSON.stringify(next), 'KEEPTTL');
      return next;
    },
    leaseAnnouncement: async (runId, seconds) =>
      (await redis.set(`${key(runId)}:announcing`, '1', 'EX', seconds, 'NX')) === 'OK',
    releaseAnnouncement: async (runId) => {
      await redis.del(`${key(runId)}:announcing`);
    },
  };
}
