import { Client, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import { toUserMessage } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { AnswerHandle, IdempotencyKey, MessageRef, OutgoingMessage, ThreadRef } from '../../chat/chat-port.js';
import type { Sealer } from '../../secrets/seal-secret.js';
import { discordAnswerSealer, toDiscordAnswer } from './discord-answer.js';
import type { ChatAdapter, InboundHandler, Responder } from '../inbound.js';
import { createAckGate, type AckGate } from './ack-gate.js';
import { DiscordChat } from './discord-chat.js';
import { holdInteractionPackets, type InteractionHold } from './interaction-hold.js';
import { interactionResponder } from './interaction-responder.js';
import { ackObserver, type AckMetrics } from './ack-observer.js';
import { createRawAcker, toAck, type RawAcker } from './raw-ack.js';
import { toRawCommand } from './raw-inbound.js';
import { saveIntent } from '../save-intent.js';
import { toInboundAction, toInboundCommand } from './to-inbound.js';

/** Credentials and endpoints of the Discord adapter. */
export interface DiscordAdapterOptions {
  readonly token: string;
  /** REST base (`http://127.0.0.1:P/api` for the emulator); the gateway URL comes from `/gateway/bot`. */
  readonly apiUrl?: string;
  readonly logger: Logger;
  /** Counts retried and lost acks (`/metrics`). */
  readonly ackMetrics?: AckMetrics;
  /** How long `stop()` waits for handlers already running (default 5 s, inside the process's shutdown deadline). */
  readonly stopWaitMs?: number;
  /** How long an ack waits for the command's intent to be saved in Redis (default 500 ms). */
  readonly intentWaitMs?: number;
  /** Limit of one REST request (config `timeouts.chat`). */
  readonly timeoutMs?: number;
}

const defaultStopWaitMs = 5_000;

/**
 * The inbound side over a discord.js gateway client (intents: Guilds only). Every interaction
 * is saved as an intent (commands, see `InboundHandler.received`) and acknowledged first (type 5 ephemeral for commands, 6 for components, well inside Discord's 3 s,
 * retried on a fresh connection and bounded by a deadline, see `RawAcker`),
 * straight from the raw gateway packet (`RawAcker`, before discord.js builds its structures),
 * and only then handed to the handler, with `deferred` set as `deferReply`/`deferUpdate` would.
 * Outbound calls go through `DiscordChat` (bot token, REST).
 */
export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  private readonly chat: DiscordChat;
  /** Seals the interaction token into the intent's answer handle (`DiscordChat.answerLater` opens it). */
  private readonly answers: Sealer;
  private readonly logger: Logger;
  private client: Client | undefined;
  /** discord.js builds a burst's Interactions after its acks (see `holdInteractionPackets`). */
  private hold: InteractionHold | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private acker: RawAcker;
  /** Acks sent from raw packets, until `route` takes them (same tick): the error, or undefined. */
  private readonly acks = new Map<string, Promise<Error | 'elsewhere' | undefined>>();
  /** Handlers start once the burst's acks are out (see `AckGate`). */
  private readonly ackGate: AckGate = createAckGate();
  private stopped = false;

  constructor(private readonly options: DiscordAdapterOptions) {
    this.chat = new DiscordChat(options);
    this.answers = discordAnswerSealer(options.token);
    this.logger = options.logger.child({ platform: 'discord' });
    this.acker = this.createAcker();
  }

  private createAcker(): RawAcker {
    return createRawAcker({
      ...(this.options.apiUrl === undefined ? {} : { apiUrl: this.options.apiUrl }),
      observer: ackObserver(this.logger, this.options.ackMetrics),
    });
  }

  async start(handler: InboundHandler): Promise<void> {
    // stop() closes the acker; a start retried after a failed attempt needs a fresh one.
    if (this.stopped) this.acker = this.createAcker();
    this.stopped = false;
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: { parse: [] },
      ...(this.options.apiUrl === undefined ? {} : { rest: { api: this.options.apiUrl } }),
    });
    client.on(Events.Raw, (packet: { t?: unknown; d?: unknown }) => {
      if (packet.t === 'INTERACTION_CREATE') this.ackRaw(packet.d, handler);
    });
    client.on(Events.InteractionCreate, (i) => {
      this.track(this.route(i, handler));
    });
    this.hold = holdInteractionPackets(client, () => this.ackGate.drained(), this.logger);
    client.on(Events.Error, (error) => {
      this.logger.error({ err: error }, 'discord client error');
    });
    const ready = new Promise<void>((resolve) =>
      client.once(Events.ClientReady, () => {
        resolve();
      }),
    );
    this.client = client;
    await client.login(this.options.token);
    await ready;
    this.logger.info({ user: client.user?.id }, 'discord gateway ready');
  }

  connection(): { ok: boolean; detail: string } {
    const client = this.client;
    if (client === undefined) return { ok: false, detail: 'not connected' };
    return client.isReady() ? { ok: true, detail: 'gateway ready' } : { ok: false, detail: 'gateway reconnecting' };
  }

  /**
   * Stops taking interactions, waits (at most `stopWaitMs`) for the ones already acknowledged
   * (they may still be saving and enqueueing: a SIGTERM right after an ack must not lose the
   * job), abandons acks still in flight, then closes the gateway and REST client.
   */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners(Events.Raw);
    // The held interactions are acked (or being acked): they reach `route` now, and `inFlight`.
    this.hold?.release();
    this.hold = undefined;
    client?.removeAllListeners(Events.InteractionCreate);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.stopWaitMs ?? defaultStopWaitMs);
    });
    await Promise.race([Promise.allSettled([...this.inFlight]), deadline]);
    clearTimeout(timer);
    if (this.inFlight.size > 0)
      this.logger.warn({ handlers: this.inFlight.size }, 'stopped with handlers still running');
    this.acker.close();
    this.stopped = true;
    this.acks.clear();
    await client?.destroy();
  }

  /**
   * Saves a command's intent (at most `intentWaitMs`: a slow Redis must not cost the ack), then
   * acks. A bot killed after the save loses nothing: `recoverIntents` finishes the command.
   */
  private ackRaw(d: unknown, handler: InboundHandler): void {
    const ack = toAck(d as Parameters<typeof toAck>[0]);
    if (ack === undefined) return;
    const command = ack.type === 5 ? toRawCommand(d as Parameters<typeof toRawCommand>[0]) : undefined;
    const answer = command === undefined ? undefined : toDiscordAnswer(this.answers, d as object, new Date());
    const saved =
      command === undefined
        ? Promise.resolve()
        : saveIntent(handler, { command, answer }, this.logger, this.options.intentWaitMs);
    this.acks.set(
      ack.id,
      this.ackGate.track(saved.then(() => this.acker.ack(ack.id, ack.token, ack.type))).then(
        // Another bot's session acked it first: that bot answers (the intent is the same, keyed by invocation).
        (outcome) => (outcome === 'acked-elsewhere' ? 'elsewhere' : undefined),
        (error: unknown) => {
          // Discord tells the user it failed: the command must not run later from its intent.
          if (command !== undefined)
            handler.abandoned(command).catch((dropError: unknown) => {
              this.logger.error({ err: dropError }, 'could not drop the intent of a lost ack');
            });
          return error instanceof Error ? error : new Error(String(error));
        },
      ),
    );
  }

  /**
   * Waits for the raw ack of `i` (or acks now when none was sent) and marks `i` deferred. False
   * when another bot acked it first: every gateway session gets every interaction, one answers.
   */
  private async acknowledge(
    i: Interaction & { deferred: boolean },
    fallback: () => Promise<unknown>,
  ): Promise<boolean> {
    const raw = this.acks.get(i.id);
    this.acks.delete(i.id);
    if (raw === undefined) {
      await fallback();
      return true;
    }
    const result = await raw;
    if (result === 'elsewhere') return false;
    if (result !== undefined) throw result;
    i.deferred = true;
    await this.ackGate.drained();
    return true;
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => {
      this.inFlight.delete(work);
    });
  }

  openThread(
    channelId: string,
    title: string,
    first: OutgoingMessage,
    key?: IdempotencyKey,
  ): Promise<{ thread: ThreadRef; root: MessageRef }> {
    return this.chat.openThread(channelId, title, first, key);
  }
  openThreadOn(root: MessageRef, title: string): Promise<ThreadRef> {
    return this.chat.openThreadOn(root, title);
  }
  post(thread: ThreadRef, message: OutgoingMessage, key?: IdempotencyKey): Promise<MessageRef> {
    return this.chat.post(thread, message, key);
  }
  edit(message: MessageRef, next: OutgoingMessage): Promise<void> {
    return this.chat.edit(message, next);
  }
  disableActions(message: MessageRef): Promise<void> {
    return this.chat.disableActions(message);
  }
  sendDirect(userId: string, message: OutgoingMessage): Promise<MessageRef> {
    return this.chat.sendDirect(userId, message);
  }
  answerLater(handle: AnswerHandle, text: string): Promise<void> {
    return this.chat.answerLater(handle, text);
  }

  /** The boundary: nothing thrown here may reach discord.js (it would become an unhandled rejection). */
  private async route(i: Interaction, handler: InboundHandler): Promise<void> {
    const log = this.logger.child({ invocationId: i.id });
    try {
      if (i.isChatInputCommand()) {
        if (!(await this.acknowledge(i, () => i.deferReply({ flags: MessageFlags.Ephemeral })))) {
          log.debug('acknowledged by another bot; left to it');
          return;
        }
        const responder = interactionResponder(i, this.chat);
        await this.guard(log, responder, i.id, () => handler.onCommand(toInboundCommand(i), responder));
      } else if (i.isButton() || i.isStringSelectMenu()) {
        if (!(await this.acknowledge(i, () => i.deferUpdate()))) {
          log.debug('acknowledged by another bot; left to it');
          return;
        }
        const responder = interactionResponder(i, this.chat);
        await this.guard(log, responder, i.id, () => handler.onAction(toInboundAction(i), responder));
      }
    } catch (error) {
      log.error({ err: error }, 'could not acknowledge interaction');
    }
  }

  private async guard(log: Logger, responder: Responder, runId: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      log.error({ err: error }, 'interaction handler failed');
      await responder.replyPrivately(toUserMessage(error, runId)).catch((replyError: unknown) => {
        log.warn({ err: replyError }, 'could not report the failure to the user');
      });
    }
  }
}
