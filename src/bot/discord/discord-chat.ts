import { DiscordAPIError, HTTPError, REST, Routes } from 'discord.js';
import { defaultCallTimeouts } from '../../config/timeouts-schema.js';
import { ExternalError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { AnswerHandle, ChatPort, MessageRef, OutgoingMessage, ThreadRef } from '../../chat/chat-port.js';
import type { Sealer } from '../../secrets/seal-secret.js';
import { discordAnswerSealer, openDiscordAnswer, toAnswerError } from './discord-answer.js';
import { disableComponents, toDiscordMessage } from './to-discord-message.js';

/** How to reach Discord's REST API with the bot token. */
export interface DiscordChatOptions {
  readonly token: string;
  /** REST base, e.g. `http://127.0.0.1:P/api` for the emulator; defaults to Discord. */
  readonly apiUrl?: string;
  readonly logger: Logger;
  /** Limit of one REST request (config `timeouts.chat`, default 15 s); a timed-out request is tried once more. */
  readonly timeoutMs?: number;
}

interface ApiMessage {
  readonly id: string;
  readonly channel_id: string;
  readonly components?: unknown[];
}

/**
 * Mentions in the text never ping: `@everyone`, `@here`, `<@&role>` and `<@user>` in a title,
 * a container name or a label stay plain text (`allowed_mentions: { parse: [] }` on every
 * message, edit, webhook and follow-up). discord.js's camel-case form for its own calls.
 */
export const noMentions = { parse: [] as [] };
/** The same for raw REST bodies. */
export const allowedMentions = { parse: [] as string[] };

/** Discord: "A thread has already been created for this message". */
const threadExists = 160004;

/** A message lives in its thread when it has one, else in its channel. */
const home = (m: MessageRef): string => m.threadId ?? m.channelId;

/** Wraps REST failures at the port (no discord.js error type escapes this folder). */
export async function callDiscord<T>(what: string, call: () => Promise<unknown>): Promise<T> {
  try {
    return (await call()) as T;
  } catch (error) {
    if (error instanceof DiscordAPIError) {
      const retryable = error.status >= 500 || error.status === 429;
      throw new ExternalError('discord-api', `Discord refused to ${what}: ${error.message}`, {
        cause: error,
        retryable,
        context: { status: error.status, code: error.code },
      });
    }
    if (error instanceof HTTPError)
      throw new ExternalError('discord-api', `Discord failed to ${what} (HTTP ${error.status})`, {
        cause: error,
        context: { status: error.status },
      });
    const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
    throw new ExternalError(
      'discord-unreachable',
      `Could not reach Discord to ${what}${timedOut ? ': the Discord API did not answer in time' : ''}`,
      { cause: error },
    );
  }
}

/**
 * `ChatPort` over Discord REST with the bot token only: no gateway, so workers (and a bot
 * after a restart) can post and edit in threads whose ids were stored earlier.
 */
export class DiscordChat implements ChatPort {
  readonly platform = 'discord' as const;
  private readonly rest: REST;
  private readonly logger: Logger;
  private readonly answers: Sealer;

  constructor(options: DiscordChatOptions) {
    this.answers = discordAnswerSealer(options.token);
    this.rest = new REST({
      version: '10',
      timeout: options.timeoutMs ?? defaultCallTimeouts.chat,
      retries: 1,
      ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }),
    }).setToken(options.token);
    this.logger = options.logger.child({ platform: 'discord' });
  }

  async openThread(
    channelId: string,
    title: string,
    first: OutgoingMessage,
    key?: string,
  ): Promise<{ thread: ThreadRef; root: MessageRef }> {
    const sent = await this.send(channelId, first, key);
    const root: MessageRef = { platform: 'discord', channelId, messageId: sent.id };
    return { thread: await this.openThreadOn(root, title), root };
  }

  /** Idempotent: when the message already has a thread (a repeated call), that thread is used (its id is the message id). */
  async openThreadOn(root: MessageRef, title: string): Promise<ThreadRef> {
    const thread = await callDiscord<{ id: string }>('open a thread', async () => {
      try {
        return await this.rest.post(Routes.threads(root.channelId, root.messageId), {
          body: { name: title.slice(0, 100), auto_archive_duration: 1440 },
        });
      } catch (error) {
        if (error instanceof DiscordAPIError && error.code === threadExists) return { id: root.messageId };
        throw error;
      }
    });
    this.logger.debug({ channelId: root.channelId, threadId: thread.id }, 'thread opened');
    return { platform: 'discord', channelId: root.channelId, threadId: thread.id };
  }

  async post(thread: ThreadRef, message: OutgoingMessage, key?: string): Promise<MessageRef> {
    const sent = await this.send(thread.threadId, message, key);
    return { platform: 'discord', channelId: thread.channelId, messageId: sent.id, threadId: thread.threadId };
  }

  async edit(message: MessageRef, next: OutgoingMessage): Promise<void> {
    const body = toDiscordMessage(next);
    const keepFiles = next.attachments === undefined && body.files.length === 0;
    await callDiscord('edit a message', () =>
      this.rest.patch(Routes.channelMessage(home(message), message.messageId), {
        body: {
          content: body.content,
          components: body.components,
          allowed_mentions: allowedMentions,
          ...(keepFiles ? {} : { attachments: body.files.map((f, n) => ({ id: String(n), filename: f.name })) }),
        },
        files: body.files,
      }),
    );
  }

  async disableActions(message: MessageRef): Promise<void> {
    const route = Routes.channelMessage(home(message), message.messageId);
    const current = await callDiscord<ApiMessage>('read a message', () => this.rest.get(route));
    await callDiscord('disable buttons', () =>
      this.rest.patch(route, {
        body: { components: disableComponents(current.components ?? []), allowed_mentions: allowedMentions },
      }),
    );
  }

  async sendDirect(userId: string, message: OutgoingMessage): Promise<MessageRef> {
    const dm = await callDiscord<{ id: string }>('open a direct message', () =>
      this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }),
    );
    const sent = await this.send(dm.id, message);
    return { platform: 'discord', channelId: dm.id, messageId: sent.id };
  }

  /**
   * Edits the invoker's ephemeral deferred reply (`PATCH /webhooks/{app}/{token}/messages/@original`;
   * no bot auth, the interaction token is the credential; it edits privately, pinging nobody).
   */
  async answerLater(handle: AnswerHandle, text: string): Promise<void> {
    const reply = openDiscordAnswer(this.answers, handle);
    try {
      await this.rest.patch(Routes.webhookMessage(reply.applicationId, reply.token, '@original'), {
        body: { content: toDiscordMessage({ text }).content, allowed_mentions: allowedMentions },
        auth: false,
      });
    } catch (error) {
      throw toAnswerError(error);
    }
  }

  /**
   * `key` becomes the message nonce with `enforce_nonce`: Discord then returns the message
   * already created with that nonce (within minutes) instead of creating a second one.
   */
  private send(channelId: string, message: OutgoingMessage, key?: string): Promise<ApiMessage> {
    const body = toDiscordMessage(message);
    return callDiscord<ApiMessage>('post a message', () =>
      this.rest.post(Routes.channelMessages(channelId), {
        body: {
          content: body.content,
          components: body.components,
          allowed_mentions: allowedMentions,
          attachments: body.files.map((f, n) => ({ id: String(n), filename: f.name })),
          ...(key === undefined ? {} : { nonce: key.slice(0, 25), enforce_nonce: true }),
        },
        files: body.files,
      }),
    );
  }
}
