import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ActionStyle, MessageRef, Platform } from '../chat/chat-port.js';
import type { Role } from '../chat/role.js';

export type ActionStatus = 'pending' | 'running' | 'done' | 'refused';

/** What a button stands for, stored server-side; the wire only carries `act:<id>`. */
export interface ActionRecord {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly style: ActionStyle;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly role: Role;
  readonly singleUse: boolean;
  readonly createdBy: { readonly platform: Platform; readonly id: string };
  /** The run whose thread the button lives in. */
  readonly runId: string;
  readonly messageRef?: MessageRef;
  /**
   * Where the button was posted (set by `bindActionOrigins` when its message is sent): a
   * click must come from this platform, workspace, channel and message.
   */
  readonly origin?: ActionOrigin;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly status: ActionStatus;
}

/** The message an action's button or menu lives on. */
export interface ActionOrigin {
  readonly platform: Platform;
  /** Discord guild id or Slack team id, when known. */
  readonly workspaceId?: string;
  readonly channelId: string;
  readonly messageId: string;
}

export type NewAction = Omit<ActionRecord, 'id' | 'createdAt' | 'expiresAt' | 'status'>;
export type ClaimResult =
  | { readonly ok: true; readonly record: ActionRecord }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'used'; readonly record?: ActionRecord };

/** Durable, expiring, single-use button records. */
export interface ActionStore {
  create(action: NewAction, ttlMs: number): Promise<ActionRecord>;
  get(id: string): Promise<ActionRecord | undefined>;
  /** Atomic pending→running for single-use actions; multi-use ones only check expiry. */
  claim(id: string): Promise<ClaimResult>;
  finish(id: string, status: 'done' | 'refused'): Promise<void>;
  /** Records the message the action was posted on; the first binding wins (a re-post cannot move it). */
  bindOrigin(id: string, origin: ActionOrigin): Promise<void>;
}

/** The opaque id format: 16 random bytes, base64url (22 characters). */
export const actionIdPattern = /^[A-Za-z0-9_-]{22}$/;
export const newActionId = (): string => randomBytes(16).toString('base64url');

// Records outlive their expiry by a week so a late click hears "expired", not "unknown".
const retentionMs = 7 * 24 * 3600 * 1000;

// KEYS[1] = action hash; ARGV[1] = now (ms). Status lives in its own field so no JSON in Lua.
const claimScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'unknown' end
if tonumber(ARGV[1]) > tonumber(redis.call('HGET', KEYS[1], 'expiresAtMs')) then return 'expired' end
if redis.call('HGET', KEYS[1], 'singleUse') == '0' then return 'ok' end
if redis.call('HGET', KEYS[1], 'status') ~= 'pending' then return 'used' end
redis.call('HSET', KEYS[1], 'status', 'running')
return 'ok'`;

export interface ActionStoreOptions {
  readonly redis: Redis;
  readonly prefix?: string;
  readonly clock?: () => Date;
}

export function createActionStore(options: ActionStoreOptions): ActionStore {
  const { redis, prefix = 'hlb:', clock = () => new Date() } = options;
  const key = (id: string): string => `${prefix}action:${id}`;
  const get = async (id: string): Promise<ActionRecord | undefined> => {
    const [raw, status, origin] = await redis.hmget(key(id), 'record', 'status', 'origin');
    if (raw === null || raw === undefined) return undefined;
    const bound = origin === null || origin === undefined ? {} : { origin: JSON.parse(origin) as ActionOrigin };
    return { ...(JSON.parse(raw) as ActionRecord), ...bound, status: (status ?? 'pending') as ActionStatus };
  };
  return {
    create: async (action, ttlMs) => {
      const now = clock();
      const expires = new Date(now.getTime() + ttlMs);
      const record: ActionRecord = {
        ...action,
        id: newActionId(),
        createdAt: now.toISOString(),
        expiresAt: expires.toISOString(),
        status: 'pending',
      };
      await redis
        .multi()
        .hset(key(record.id), {
          record: JSON.stringify(record),
          status: 'pending',
          expiresAtMs: String(expires.getTime()),
          singleUse: action.singleUse ? '1' : '0',
        })
        .pexpire(key(record.id), ttlMs + retentionMs)
        .exec();
      return record;
    },
    get,
    claim: async (id) => {
      const outcome = (await redis.eval(claimScript, 1, key(id), String(clock().getTime()))) as string;
      const record = await get(id);
      if (outcome === 'ok' && record !== undefined) return { ok: true, record };
      const reason = outcome === 'expired' || outcome === 'used' ? outcome : 'unknown';
      return record === undefined ? { ok: false, reason } : { ok: false, reason, record };
    },
    finish: async (id, status) => {
      await redis.hset(key(id), 'status', status);
    },
    bindOrigin: async (id, origin) => {
      // Only an existing record: HSETNX on a missing key would create a stray hash.
      if ((await redis.exists(key(id))) === 1) await redis.hsetnx(key(id), 'origin', JSON.stringify(origin));
    },
  };
}
