/**
 * The chat port: everything the bot and the workers need from a chat platform, and nothing
 * platform-specific. Adapters (Discord, Slack, shell) implement it; the dispatcher and the
 * workers only ever see these types. Outbound calls use the bot token (never an interaction
 * token), so a job that finishes hours later or after a restart can still post and edit.
 */
export type Platform = 'discord' | 'slack' | 'shell';

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

/** Outbound operations, all with the bot's own credentials. */
export interface ChatPort {
  readonly platform: Platform;
  /** Posts `first` in `channelId` and opens a thread on it (Discord: a public thread; Slack: its ts). */
  openThread(channelId: string, title: string, first: OutgoingMessage, key?: IdempotencyKey): Promise<{ thread: ThreadRef; root: MessageRef }>;
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
}

/** A slash command as it arrived, before validation. Option values are raw platform values. */
export interface InboundCommand {
  readonly platform: Platform;
  readonly user: ChatUser;
  /** Top-level command without the slash, e.g. `drift`. */
  readonly command: string;
  /** Sub-command, e.g. `audit`; undefined for flat commands such as `/ping`. */
  readonly subcommand?: string;
  /** Structured options (Discord) — or, for Slack and the shell, the raw text after the command. */
  readonly options: Readonly<Record<string, string | number | boolean>>;
  readonly text?: string;
  readonly channelId: string;
  /** Discord guild id or Slack team id the command came from; unset for the shell and DMs. */
  readonly workspaceId?: string;
  /** Set when the command was typed inside a thread: the reply then goes into that thread. */
  readonly threadId?: string;
  /** Platform id of this invocation (Discord interaction id, Slack trigger_id); used for dedupe. */
  readonly invocationId: string;
}

/** A button click or select choice. */
export interface InboundAction {
  readonly platform: Platform;
  readonly user: ChatUser;
  readonly customId: string;
  readonly values: readonly string[];
  readonly message: MessageRef;
  /** Discord guild id or Slack team id the click came from; unset for the shell and DMs. */
  readonly workspaceId?: string;
  readonly invocationId: string;
}

/**
 * How the dispatcher answers the invoking interaction itself (within the platform's 3 s window
 * the adapter has already deferred/acked). Private answers are visible only to the invoker.
 */
export interface Responder {
  replyPrivately(text: string): Promise<void>;
  /** Completes the deferred public reply; returns it so it can become a thread root. */
  replyPublicly(message: OutgoingMessage): Promise<MessageRef>;
  /**
   * Completes a private deferred answer once the command is queued (Discord: edits the
   * ephemeral "thinking…" reply). Absent where nothing is pending (Slack, shell).
   */
  acknowledged?(text: string): Promise<void>;
}

/** What an adapter calls for every inbound event; implemented by the dispatcher. */
export interface InboundHandler {
  onCommand(command: InboundCommand, responder: Responder): Promise<void>;
  onAction(action: InboundAction, responder: Responder): Promise<void>;
}

/** Lifecycle of an adapter (the inbound side). */
export interface ChatAdapter extends ChatPort {
  start(handler: InboundHandler): Promise<void>;
  stop(): Promise<void>;
}
