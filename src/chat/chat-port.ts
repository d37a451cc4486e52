import type { Platform } from './platform.js';

export type { Platform } from './platform.js';

/**
 * The chat port: everything the bot and the workers need from a chat platform, and nothing
 * platform-specific. Adapters (Discord, Slack, shell) implement it; the dispatcher and the
 * workers only ever see these types. Outbound calls use the bot token (never an interaction
 * token), so a job that finishes hours later or after a restart can still post and edit.
 */

/** A person as the platform identifies them (immutable ids, never display names). */
export interface ChatUser {
  readonly platform: Platform;
  readonly id: string;
  /** Discord role ids the member holds in the guild; empty elsewhere. */
  readonly roleIds: readonly string[];
  readonly displayName?: string;
}

/**
 * Where follow-ups go. Discord: `threadId` is the thread channel id. Slack: `threadId` is the
 * root message `ts` (`thread_ts`) inside `channelId`. Shell: an opaque thread number.
 */
export interface ThreadRef {
  readonly platform: Platform;
  readonly channelId: string;
  readonly threadId: string;
}

/** One message that can be edited later. Slack: `messageId` is the message `ts`. */
export interface MessageRef {
  readonly platform: Platform;
  readonly channelId: string;
  readonly messageId: string;
  readonly threadId?: string;
}

export interface Attachment {
  readonly filename: string;
  readonly content: string | Uint8Array;
  /** e.g. `text/markdown`, `text/x-diff`, `application/json`, `image/png`. */
  readonly contentType?: string;
}

export type ActionStyle = 'primary' | 'secondary' | 'success' | 'danger';

/** A button. `id` is the opaque custom id (`act:<id>`), looked up server-side on click. */
export interface ActionButton {
  readonly id: string;
  readonly label: string;
  readonly style: ActionStyle;
  readonly disabled?: boolean;
}

export interface SelectOption {
  readonly label: string;
  readonly value: string;
  readonly description?: string;
}

/** A string select menu (Discord: at most 25 options; Slack: static_select / multi_static_select). */
export interface SelectMenu {
  readonly id: string;
  readonly placeholder: string;
  readonly options: readonly SelectOption[];
  readonly minValues?: number;
  readonly maxValues?: number;
  readonly disabled?: boolean;
}

/** A platform-neutral message. Adapters enforce their own length limits (see `fitMessage`). */
export interface OutgoingMessage {
  readonly text: string;
  readonly attachments?: readonly Attachment[];
  readonly buttons?: readonly ActionButton[];
  readonly select?: SelectMenu;
}

/**
 * Makes a post safe to repeat where the platform allows it (Discord: `nonce` + `enforce_nonce`,
 * so a second post with the same key within minutes returns the first message). At most 25
 * characters; a run id fits.
 */
export type IdempotencyKey = string;

/**
 * What lets the bot answer a command's invoker privately after a restart (`ChatPort.answerLater`):
 * the platform's reply credential (Discord: application id + interaction token; Slack: the
 * command's `response_url`), sealed by the adapter with a key from its own bot credentials, so
 * the intent in Redis holds no usable secret. Never logged or shown.
 */
export interface AnswerHandle {
  /** When the platform stops taking the answer (Discord: 15 min, Slack: 30 min after the command). */
  readonly expiresAt: string;
  /** The invoker sees a pending private reply until it is answered (Discord's deferred "thinking…"). */
  readonly pending: boolean;
  /** The credential, sealed (`createSealer`); only the adapter of the same bot opens it. */
  readonly sealedToken: string;
}

/** Outbound operations, all with the bot's own credentials. */
export interface ChatPort {
  readonly platform: Platform;
  /** Posts `first` in `channelId` and opens a thread on it (Discord: a public thread; Slack: its ts). */
  openThread(
    channelId: string,
    title: string,
    first: OutgoingMessage,
    key?: IdempotencyKey,
  ): Promise<{ thread: ThreadRef; root: MessageRef }>;
  /**
   * Opens a thread on a message that already exists (e.g. the public reply to a slash command).
   * Discord: `POST /channels/{c}/messages/{m}/threads`; Slack: the thread is the message's own ts.
   */
  openThreadOn(root: MessageRef, title: string): Promise<ThreadRef>;
  /** Posts into an existing thread. */
  post(thread: ThreadRef, message: OutgoingMessage, key?: IdempotencyKey): Promise<MessageRef>;
  /** Replaces text, attachments-free content and components of a message. */
  edit(message: MessageRef, next: OutgoingMessage): Promise<void>;
  /** Keeps the message but disables every button/select on it (used once an action ran). */
  disableActions(message: MessageRef): Promise<void>;
  /** A direct message to one user (media notices). */
  sendDirect(userId: string, message: OutgoingMessage): Promise<MessageRef>;
  /**
   * Finds a message this bot posted with `key` in the channel (`threadId` unset) or a thread,
   * for a post that may have gone out just before its process died. Only where a repeated
   * post is not already safe by itself (Slack: message metadata; Discord's nonce needs none).
   */
  findPosted?(channelId: string, threadId: string | undefined, key: IdempotencyKey): Promise<MessageRef | undefined>;
  /**
   * Answers the invoker of a command privately through its saved `AnswerHandle` (Discord: edits
   * the ephemeral `@original` reply; Slack: an ephemeral `response_url` post), for a command a
   * later bot recovered. Rejects with an `ExternalError` naming no credential when the platform
   * refuses (expired, used up) or the handle does not open. Absent where commands leave nothing
   * to answer later (shell).
   */
  answerLater?(handle: AnswerHandle, text: string): Promise<void>;
  /**
   * A message in `channelId` that only `userId` sees (Slack `chat.postEphemeral`), without any
   * saved credential: how a recovered command's invoker is answered once `answerLater` can no
   * longer be (Slack's `response_url` after 30 minutes or 5 uses). Absent where the platform has
   * no such message (Discord: an ephemeral message exists only as an interaction's reply).
   */
  answerInChannel?(channelId: string, userId: string, text: string): Promise<void>;
}
