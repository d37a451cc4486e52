import { EventEmitter } from 'node:events';
import type { MentionAudit } from './mentions.js';

/** A member of the emulated guild (or a DM partner). */
export interface EmuUser {
  readonly id: string;
  readonly username: string;
  readonly roleIds: readonly string[];
}

export interface StoredAttachment {
  readonly id: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** A message as the emulator keeps it; `toMessageObject` renders the API shape. */
export interface StoredMessage {
  readonly id: string;
  readonly channelId: string;
  content: string;
  components: unknown[];
  attachments: StoredAttachment[];
  /** Author user id (the bot's id for bot and webhook messages). */
  readonly authorId: string;
  readonly webhookId: string | null;
  readonly type: number;
  flags: number;
  readonly timestamp: string;
  editedTimestamp: string | null;
  /** Thread started on this message (its id equals the message id, as on Discord). */
  threadId: string | null;
}

export interface StoredChannel {
  readonly id: string;
  /** 0 guild text, 1 DM, 11 public thread, 12 private thread. */
  readonly type: 0 | 1 | 11 | 12;
  readonly name: string;
  readonly parentId: string | null;
  readonly recipientId: string | null;
  readonly createdAt: string;
}

/** One interaction callback (`POST /interactions/{id}/{token}/callback`) as received. */
export interface RecordedCallback {
  readonly interactionId: string;
  readonly type: number;
  readonly data: Record<string, unknown> | undefined;
  /** `performance.now()` when the callback arrived. */
  readonly at: number;
}

export interface StoredInteraction {
  readonly id: string;
  readonly token: string;
  readonly type: 2 | 3;
  readonly channelId: string;
  readonly userId: string;
  /** Message the component sits on (type 3); `@original` for deferUpdate/update. */
  readonly componentMessageId: string | null;
  readonly sentAt: number;
  /** Epoch ms after which the token no longer works on the webhook routes (Discord: 15 minutes). */
  tokenExpiresAt: number;
  callback: RecordedCallback | null;
  originalMessageId: string | null;
}

export interface LoggedFile {
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** One REST request the bot made, for assertions. */
export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorized: boolean;
  readonly json: unknown;
  readonly files: readonly LoggedFile[];
  status: number;
}

/** An injected failure: the next `remaining` matching requests get `status`. */
export interface Fault {
  readonly status: number;
  remaining: number;
  readonly match: (method: string, path: string) => boolean;
}

/**
 * A fault on the next interaction callbacks: `reset` destroys the socket before the ack is
 * applied, `reset-after` after (the ack counts, the answer is lost), `silent` never answers,
 * `late` applies the ack and answers after `delayMs`, `500` answers 500 without applying.
 */
export interface AckFault {
  readonly kind: 'reset' | 'reset-after' | 'silent' | 'late' | '500';
  remaining: number;
  readonly delayMs?: number;
}

/** Everything the emulator remembers; one instance per emulator. */
export interface EmulatorState {
  readonly users: Map<string, EmuUser>;
  readonly channels: Map<string, StoredChannel>;
  readonly messages: Map<string, StoredMessage>;
  readonly attachments: Map<string, StoredAttachment>;
  /** Scope (`global` or a guild id) → command name → command object. */
  readonly commands: Map<string, Map<string, Record<string, unknown>>>;
  readonly interactions: Map<string, StoredInteraction>;
  readonly requests: LoggedRequest[];
  readonly callbacks: RecordedCallback[];
  /** Callbacks refused because the interaction was already acknowledged (code 40060), e.g. by another gateway session. */
  readonly refusedCallbacks: { readonly interactionId: string; readonly code: number }[];
  /** Responses of the emulator that failed the discord-api-spec schema (must stay empty). */
  readonly violations: string[];
  readonly faults: Fault[];
  readonly ackFaults: AckFault[];
  /** Every message body with content the bot sent or edited, with the pings it would cause. */
  readonly mentions: MentionAudit[];
  /** `nonce` → message id, for `enforce_nonce` (Discord: same author and nonce within minutes → the same message). */
  readonly nonces: Map<string, { readonly messageId: string; readonly at: number }>;
  /** Emits `change` after every request and gateway event, for `waitFor`. */
  readonly events: EventEmitter;
  readonly nextId: () => string;
}

/** Snowflakes: `(ms since Discord epoch) << 22 | seq`, 17–19 digits. */
function snowflakes(): () => string {
  let seq = 0n;
  return () => {
    seq = (seq + 1n) & 0xfffn;
    return (((BigInt(Date.now()) - 1420070400000n) << 22n) | seq).toString();
  };
}

export function createState(): EmulatorState {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  return {
    users: new Map(),
    channels: new Map(),
    messages: new Map(),
    attachments: new Map(),
    commands: new Map(),
    interactions: new Map(),
    requests: [],
    callbacks: [],
    refusedCallbacks: [],
    violations: [],
    faults: [],
    ackFaults: [],
    mentions: [],
    nonces: new Map(),
    events,
    nextId: snowflakes(),
  };
}
