import type { AnswerHandle, ChatPort, ChatUser, MessageRef, OutgoingMessage, Platform } from '../chat/chat-port.js';

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
  /**
   * Saves the command as a durable intent; adapters call it before they ack (one Redis write),
   * so a bot killed between the ack and the run record loses nothing (see `recoverIntents`).
   * `answer` (sealed, kept apart from the command so it never reaches a run record or a log)
   * lets the bot that recovers the command answer its invoker privately (`ChatPort.answerLater`).
   */
  received(command: InboundCommand, answer?: AnswerHandle): Promise<void>;
  /**
   * The command's ack was lost: the platform told the user it failed, so it must not run
   * later either (the saved intent is dropped).
   */
  abandoned(command: InboundCommand): Promise<void>;
  onCommand(command: InboundCommand, responder: Responder): Promise<void>;
  onAction(action: InboundAction, responder: Responder): Promise<void>;
}

/** Lifecycle of an adapter (the inbound side). */
export interface ChatAdapter extends ChatPort {
  start(handler: InboundHandler): Promise<void>;
  stop(): Promise<void>;
  /** Whether the inbound connection (gateway, socket, HTTP listener) is up, for `/healthz`. */
  connection?(): { readonly ok: boolean; readonly detail: string };
}
