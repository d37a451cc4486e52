import type { Redis } from 'ioredis';
import type { AnswerHandle } from '../chat/chat-port.js';

/** A command as received, saved before its ack (see `IntentStore`). */
export interface StoredIntent {
  readonly runId: string;
  /** The inbound command (JSON); the dispatcher parses it back. */
  readonly command: unknown;
  readonly receivedAt: string;
  /** How to answer the invoker privately later (sealed; absent where the platform has none). */
  readonly answer?: AnswerHandle;
}

/**
 * Durable intents: the bot writes each received command here (one round trip) before it acks
 * the platform, and settles it once the command is recorded and its invoker answered. A bot killed
 * in between leaves the intent unsettled; a later sweep (`recoverIntents`) turns it into its run
 * and job, once (the run id is derived from the invocation).
 */
export interface IntentStore {
  /** Saves the intent; false when one with this run id exists (a redelivery). */
  save(intent: StoredIntent): Promise<boolean>;
  /**
   * Sends the intent's write and tells whether it already left this process: `sent` is true when
   * the write is in the kernel's socket buffer to Redis (the connection was ready and nothing is
   * queued in user space), so it reaches Redis even if this process is killed next. A caller may
   * then ack before Redis answers. `saved` is `save`'s answer.
   */
  send(intent: StoredIntent): IntentSend;
  /** The command was recorded and its invoker answered, or refused: no sweep looks at it again. */
  settle(runId: string): Promise<void>;
  /** Unsettled intents received before `before`, oldest first, at most `limit`. */
  unsettled(before: Date, limit: number): Promise<StoredIntent[]>;
  /** Takes the right to recover `runId` for `seconds`; false while another sweep holds it. */
  claim(runId: string, seconds: number): Promise<boolean>;
}

/** See `IntentStore.send`. */
export interface IntentSend {
  readonly sent: boolean;
  readonly saved: Promise<boolean>;
}

/** Intents stay a day (a redelivery after that is treated as new, like the run dedupe). */
const ttlSeconds = 24 * 3600;

/** SET NX, and ZADD only when the SET took: one round trip, atomic. */
const saveScript = `
if redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2], 'NX') then
  redis.call('ZADD', KEYS[2], 'NX', ARGV[3], ARGV[4])
  return 1
end
return 0`;

export function createIntentStore(redis: Redis, prefix = 'hlb:'): IntentStore {
  const key = (runId: string): string => `${prefix}intent:${runId}`;
  const index = `${prefix}intents:unsettled`;
  const send = (intent: StoredIntent): IntentSend => {
    // ioredis writes a command to the socket synchronously when the connection is ready
    // (otherwise it waits in ioredis's offline queue, in this process's memory).
    const ready = redis.status === 'ready';
    // Indexed only when new: a second bot saving the same interaction after the first settled it
    // must not make it unsettled again (a sweep would answer it a second time).
    const reply = redis.eval(
      saveScript,
      2,
      key(intent.runId),
      index,
      JSON.stringify(intent),
      String(ttlSeconds),
      String(Date.parse(intent.receivedAt)),
      intent.runId,
    );
    const sent = ready && redis.stream.writableLength === 0;
    return { sent, saved: reply.then((result) => result === 1) };
  };
  return {
    send,
    save: (intent) => send(intent).saved,
    settle: async (runId) => {
      await redis.zrem(index, runId);
    },
    unsettled: async (before, limit) => {
      const ids = await redis.zrangebyscore(index, '-inf', before.getTime(), 'LIMIT', 0, limit);
      const intents: StoredIntent[] = [];
      for (const runId of ids) {
        const raw = await redis.get(key(runId));
        if (raw === null) {
          await redis.zrem(index, runId);
          continue;
        }
        intents.push(JSON.parse(raw) as StoredIntent);
      }
      return intents;
    },
    claim: async (runId, seconds) => (await redis.set(`${key(runId)}:claim`, '1', 'EX', seconds, 'NX')) === 'OK',
  };
}
