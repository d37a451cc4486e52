import { defaultCallTimeouts } from '../config/timeouts-schema.js';
import type { ChatPort, Platform } from '../chat/chat-port.js';
import type { ChatAdapter } from '../bot/inbound.js';
import { DiscordAdapter } from '../bot/discord/discord-adapter.js';
import { DiscordChat } from '../bot/discord/discord-chat.js';
import { SlackAdapter } from '../bot/slack/slack-adapter.js';
import { SlackChat } from '../bot/slack/slack-chat.js';
import { createSlackWebClient } from '../bot/slack/slack-web-client.js';
import { hasSubcommands, type Registry } from '../commands/registry.js';
import type { ChatConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { AckMetrics } from '../bot/discord/ack-observer.js';
import type { AllowedPlaces } from '../bot/dispatch-place.js';

/** Where each configured platform is answered: its guild/workspace and allowed channels (default: the configured one). */
export function allowedPlaces(chat: ChatConfig): AllowedPlaces {
  return {
    ...(chat.discord === undefined
      ? {}
      : {
          discord: {
            workspaceId: chat.discord.guildId,
            channelIds: chat.discord.allowedChannelIds ?? [chat.discord.reportChannelId],
          },
        }),
    ...(chat.slack === undefined
      ? {}
      : {
          slack: { workspaceId: chat.slack.teamId, channelIds: chat.slack.allowedChannelIds ?? [chat.slack.channelId] },
        }),
  };
}

/**
 * Outbound-only chat ports (bot token, no gateway/receiver) for a worker process: enough to
 * post into, edit and disable buttons in threads recorded by the bot.
 */
export function createOutboundChats(
  chat: ChatConfig,
  log: Logger,
  timeoutMs: number = defaultCallTimeouts.chat,
): Partial<Record<Platform, ChatPort>> {
  const chats: Partial<Record<Platform, ChatPort>> = {};
  if (chat.discord !== undefined) {
    chats.discord = new DiscordChat({
      token: chat.discord.token,
      logger: log,
      timeoutMs,
      ...(chat.discord.apiUrl === undefined ? {} : { apiUrl: chat.discord.apiUrl }),
    });
  }
  if (chat.slack !== undefined) {
    const client = createSlackWebClient(
      {
        botToken: chat.slack.botToken,
        timeoutMs,
        ...(chat.slack.apiUrl === undefined ? {} : { apiUrl: chat.slack.apiUrl }),
      },
      log,
    );
    chats.slack = new SlackChat(client, log);
  }
  return chats;
}

/**
 * The inbound adapters (Discord gateway, Slack HTTP or Socket Mode) for a bot process. Slack's
 * HTTP receiver binds to `bindHost` (config `http.host`), like the rest of the bot's HTTP.
 */
export function createAdapters(
  chat: ChatConfig,
  registry: Registry,
  log: Logger,
  bindHost: string,
  ackMetrics?: AckMetrics,
  chatTimeoutMs: number = defaultCallTimeouts.chat,
): ChatAdapter[] {
  const adapters: ChatAdapter[] = [];
  if (chat.discord !== undefined) {
    adapters.push(
      new DiscordAdapter({
        token: chat.discord.token,
        logger: log,
        timeoutMs: chatTimeoutMs,
        ...(chat.discord.apiUrl === undefined ? {} : { apiUrl: chat.discord.apiUrl }),
        ...(ackMetrics === undefined ? {} : { ackMetrics }),
      }),
    );
  }
  if (chat.slack !== undefined) {
    const { botToken, signingSecret, appToken, mode, port, apiUrl } = chat.slack;
    adapters.push(
      new SlackAdapter(
        {
          botToken,
          signingSecret,
          mode,
          port,
          host: bindHost,
          timeoutMs: chatTimeoutMs,
          ...(appToken === undefined ? {} : { appToken }),
          ...(apiUrl === undefined ? {} : { apiUrl }),
        },
        { logger: log, hasSubcommands: (c) => hasSubcommands(registry, c) },
      ),
    );
  }
  return adapters;
}
