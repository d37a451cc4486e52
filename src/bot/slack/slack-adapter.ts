import type { AddressInfo } from 'node:net';
import { App, type BlockAction, type RespondFn, type SlashCommand } from '@slack/bolt';
import { toUserMessage } from '../../errors.js';
import type { AnswerHandle } from '../../chat/chat-port.js';
import type { Logger } from '../../log.js';
import type { Sealer } from '../../secrets/seal-secret.js';
import type { ChatAdapter, InboundHandler, Responder } from '../inbound.js';
import { postLateAnswer, slackAnswerSealer, toSlackAnswer } from './slack-answer.js';
import { SlackChat } from './slack-chat.js';
import { saveIntent } from '../save-intent.js';
import { toInboundAction, toInboundCommand } from './slack-inbound.js';
import { toSlackLogger } from './slack-logger.js';
import { createGuardedReceiver } from './slack-request-guard.js';
import { createSocketReceiver, SlackSocketKeeper, startSocket } from './slack-socket-keeper.js';
import { slackResponder } from './slack-responder.js';
import { createSlackWebClient, slackClientOptions } from './slack-web-client.js';

/** The `chat.slack` config block (`SlackConfig` is assignable to it), plus test knobs. */
export interface SlackAdapterSettings {
  readonly botToken: string;
  readonly signingSecret: string;
  /** `xapp-…` token; required for Socket Mode. */
  readonly appToken?: string | undefined;
  /** `http`: Slack POSTs to `/slack/events` (signature checked); `socket`: outbound WebSocket. */
  readonly mode: 'http' | 'socket';
  /** HTTP mode listen port (0 = any free port, see `httpPort`). */
  readonly port: number;
  /** HTTP mode listen address; default all interfaces. */
  readonly host?: string | undefined;
  readonly apiUrl?: string | undefined;
  readonly retries?: number | undefined;
  /** Limit of one Web API request (config `timeouts.chat`). */
  readonly timeoutMs?: number | undefined;
}

export interface SlackAdapterDeps {
  readonly logger: Logger;
  /**
   * Whether a command has sub-commands; then the first word of `text` is the sub-command.
   * Wire it to the registry: `(c) => hasSubcommands(registry, c)`.
   */
  readonly hasSubcommands: (command: string) => boolean;
}

/**
 * `ChatAdapter` on Bolt. Every slash command and block action is acked first (empty ack →
 * HTTP 200 / Socket Mode ack well inside Slack's 3 s), then handed to the `InboundHandler`.
 * Handler failures are caught here and shown to the invoker privately.
 */
export class SlackAdapter extends SlackChat implements ChatAdapter {
  private app: App | undefined;
  private port: number | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Seals the command's `response_url` into the intent's answer handle (`answerLater` opens it). */
  private readonly answers: Sealer;
  private socket: SlackSocketKeeper | undefined;

  constructor(
    private readonly settings: SlackAdapterSettings,
    private readonly deps: SlackAdapterDeps,
  ) {
    super(createSlackWebClient(settings, deps.logger), deps.logger);
    this.answers = slackAnswerSealer(settings.botToken);
  }

  /** Answers the invoker of a recovered command: an ephemeral post to its saved `response_url`. */
  answerLater(handle: AnswerHandle, text: string): Promise<void> {
    return postLateAnswer(this.answers, handle, text, this.settings.timeoutMs);
  }

  /** The bound HTTP port once started in HTTP mode. */
  get httpPort(): number | undefined {
    return this.port;
  }

  async start(handler: InboundHandler): Promise<void> {
    const app = this.createApp();
    app.command(/.*/, async ({ command, ack, respond }) => {
      // The intent first (one Redis write), so a bot killed after the ack loses nothing.
      const intent = toInboundCommand(command, this.deps.hasSubcommands);
      const answer = toSlackAnswer(this.answers, command.response_url, new Date());
      await saveIntent(handler, { command: intent, answer }, this.deps.logger);
      try {
        await ack();
      } catch (error) {
        // Not acknowledged: Slack tells the user it failed, so the intent must not run later.
        await handler.abandoned(intent).catch(() => undefined);
        throw error;
      }
      await this.onCommand(handler, command, respond);
    });
    app.action({ type: 'block_actions' }, async ({ body, ack, respond }) => {
      await ack();
      await this.onAction(handler, body, respond);
    });
    app.error((error) => {
      this.deps.logger.error({ err: error }, 'slack: bolt error');
      return Promise.resolve();
    });
    this.app = app;
    // auth.test here, awaited: a Slack unreachable at start fails this attempt (retried by the caller).
    await app.init();
    if (this.socket !== undefined) {
      await startSocket(app.start());
      this.socket.connected();
      return;
    }
    const server = await app.start({
      port: this.settings.port,
      ...(this.settings.host === undefined ? {} : { host: this.settings.host }),
    });
    this.port = (server.address() as AddressInfo).port;
  }

  connection(): { ok: boolean; detail: string } {
    if (this.app === undefined) return { ok: false, detail: 'not connected' };
    return this.socket?.state() ?? { ok: true, detail: 'listening' };
  }

  /** Stops receiving, then waits for handlers already running (they may still enqueue/reply). */
  async stop(): Promise<void> {
    this.socket?.close();
    await this.app?.stop();
    this.app = undefined;
    this.socket = undefined;
    await Promise.allSettled([...this.inFlight]);
  }

  private createApp(): App {
    const { settings, deps } = this;
    const clientOptions = slackClientOptions(settings, deps.logger);
    const common = {
      token: settings.botToken,
      logger: toSlackLogger(deps.logger),
      // The App's client only runs auth.test at start; a failed start is retried by `startAdapters`.
      clientOptions: { ...clientOptions, retryConfig: { retries: 0 } },
      deferInitialization: true,
    };
    if (settings.mode === 'socket') {
      if (settings.appToken === undefined) throw new Error('Slack Socket Mode needs chat.slack.appToken');
      const receiver = createSocketReceiver(settings.appToken, clientOptions, deps.logger);
      this.socket = new SlackSocketKeeper(receiver.client, deps.logger);
      return new App({ ...common, receiver });
    }
    return new App({
      ...common,
      receiver: createGuardedReceiver({ signingSecret: settings.signingSecret, logger: deps.logger }),
    });
  }

  private async onCommand(handler: InboundHandler, body: SlashCommand, respond: RespondFn): Promise<void> {
    const command = toInboundCommand(body, this.deps.hasSubcommands);
    const log = this.deps.logger.child({ platform: 'slack', cmd: command.command, invocation: command.invocationId });
    const responder = slackResponder({
      chat: this,
      respond,
      channelId: body.channel_id,
      userId: body.user_id,
      logger: log,
    });
    await this.guard(log, responder, () => handler.onCommand(command, responder));
  }

  private async onAction(handler: InboundHandler, body: BlockAction, respond: RespondFn): Promise<void> {
    const action = toInboundAction(body);
    if (action === undefined) return;
    const log = this.deps.logger.child({ platform: 'slack', action: action.customId, invocation: action.invocationId });
    const thread = action.message.threadId ?? action.message.messageId;
    const responder = slackResponder({
      chat: this,
      respond,
      channelId: action.message.channelId,
      userId: action.user.id,
      threadTs: thread,
      logger: log,
    });
    await this.guard(log, responder, () => handler.onAction(action, responder));
  }

  /** The boundary: a thrown error is logged and answered privately, never lost or re-thrown to Bolt. */
  private async guard(log: Logger, responder: Responder, run: () => Promise<void>): Promise<void> {
    const task = run().catch(async (error: unknown) => {
      log.error({ err: error }, 'slack: handler failed');
      await responder.replyPrivately(toUserMessage(error)).catch((replyError: unknown) => {
        log.error({ err: replyError }, 'slack: could not report the failure');
      });
    });
    this.inFlight.add(task);
    try {
      await task;
    } finally {
      this.inFlight.delete(task);
    }
  }
}
