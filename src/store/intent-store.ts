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
   * Sends the intent's write and tells when it has left the process: `written` resolves true once
   * the write is in the kernel's socket buffer to Redis (the connection was ready and nothing was
   * queued in user space), so it reaches Redis even if this process is killed next, and a caller
   * may ack before Redis answers. The intents sent by one I/O callback and the promise jobs it
   * starts (the interactions of one gateway read) go out in one write, on the next tick: a syscall
   * per command was the largest cost of an ack, and waiting for the end of the event-loop turn
   * (`setImmediate`) held every ack of a burst until all pending reads and responses were handled.
   * `saved` is `save`'s answer.
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
  /** True once the write is in the kernel's socket buffer to Redis; false when it waits in memory. */
  readonly written: Promise<boolean>;
  readonly saved: Promise<boolean>;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  settle(from: Promise<T>): void;
}

function deferred<T>(): Deferred<T> {
  let settle!: (from: Promise<T>) => void;
  const promise = new Promise<T>((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
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

/** The name `saveScript` is defined under on the connection (EVALSHA after its first use there). */
const saveCommand = 'hlbSaveIntent';
type SaveIntent = (key: string, index: string, json: string, ttl: string, score: string, runId: string) => unknown;

export function createIntentStore(redis: Redis, prefix = 'hlb:'): IntentStore {
  // ioredis sends the script once per connection, then its SHA (a NOSCRIPT reply resends it):
  // a burst of intents writes ~200 fewer bytes each, and Redis does not hash the script per call.
  if (!(saveCommand in redis)) redis.defineCommand(saveCommand, { numberOfKeys: 2, lua: saveScript });
  const key = (runId: string): string => `${prefix}intent:${runId}`;
  const index = `${prefix}intents:unsettled`;
  /** Intents sent since the last tick: one socket write for all (see `send`). */
  let batch: { intent: StoredIntent; written: (sent: boolean) => void; saved: Deferred<boolean> }[] = [];
  const flush = (): void => {
    const due = batch;
    batch = [];
    // ioredis writes a pipeline to the socket in one synchronous write when the connection is
    // ready (otherwise it waits in ioredis's offline queue, in this process's memory).
    const ready = redis.status === 'ready';
    const pipeline = redis.pipeline();
    // Indexed only when new: a second bot saving the same interaction after the first settled it
    // must not make it unsettled again (a sweep would answer it a second time).
    const save = (pipeline as unknown as Record<typeof saveCommand, SaveIntent>)[saveCommand].bind(pipeline);
    for (const { intent } of due)
      save(
        key(intent.runId),
        index,
        JSON.stringify(intent),
        String(ttlSeconds),
        String(Date.parse(intent.receivedAt)),
        intent.runId,
      );
    const replies = pipeline.exec();
    const sent = ready && redis.stream.writableLength === 0;
    due.forEach((d, n) => {
      d.written(sent);
      d.saved.settle(
        replies.then((results) => {
          const [error, result] = results?.[n] ?? [new Error('no reply to the intent write'), null];
          if (error !== null) throw error;
          return result === 1;
        }),
      );
    });
  };
  const send = (intent: StoredIntent): IntentSend => {
    // A tick runs after the promise jobs of the current callback: every frame of a gateway read is in.
    if (batch.length === 0) process.nextTick(flush);
    const saved = deferred<boolean>();
    const written = new Promise<boolean>((resolve) => {
      batch.push({ intent, written: resolve, saved });
    });
    return { written, saved: saved.promise };
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
