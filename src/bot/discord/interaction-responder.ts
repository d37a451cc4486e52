import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Message,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { MessageRef, OutgoingMessage } from '../../chat/chat-port.js';
import type { Responder } from '../inbound.js';
import { callDiscord, noMentions, type DiscordChat } from './discord-chat.js';
import { locate } from './to-inbound.js';
import { toDiscordMessage } from './to-discord-message.js';

type Deferred = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

const toPayload = (message: OutgoingMessage) => {
  const body = toDiscordMessage(message);
  return {
    content: body.content,
    components: body.components as never[],
    files: body.files.map((f) => ({ attachment: f.data, name: f.name })),
    allowedMentions: noMentions,
  };
};

const privately = (text: string) => ({ content: toDiscordMessage({ text }).content, allowedMentions: noMentions });

/**
 * Answers an interaction the adapter has already deferred. Commands are deferred ephemerally:
 * the first private answer (a refusal, "already received", an error, or "queued") completes
 * that reply, later ones are ephemeral follow-ups (flag 64); public replies are channel
 * messages with the bot token (they outlive the 15-minute interaction token). Clicks
 * (deferUpdate): private answers are ephemeral follow-ups, public ones plain follow-ups.
 */
export function interactionResponder(i: Deferred, chat: DiscordChat): Responder {
  let deferredOpen = i.isChatInputCommand();
  const answerPrivately = async (text: string): Promise<void> => {
    if (deferredOpen) {
      deferredOpen = false;
      await callDiscord('reply', () => i.editReply(privately(text)));
      return;
    }
    await callDiscord('reply privately', () => i.followUp({ ...privately(text), flags: MessageFlags.Ephemeral }));
  };
  return {
    async replyPublicly(message) {
      const where = locate(i);
      if (i.isChatInputCommand()) {
        return chat.post(
          { platform: 'discord', channelId: where.channelId, threadId: where.threadId ?? where.channelId },
          message,
        );
      }
      const sent = await callDiscord<Message>('reply', () => i.followUp(toPayload(message)));
      const ref: MessageRef = {
        platform: 'discord',
        channelId: where.channelId,
        messageId: sent.id,
        ...(where.threadId === undefined ? {} : { threadId: where.threadId }),
      };
      return ref;
    },
    replyPrivately: answerPrivately,
    async acknowledged(text) {
      if (deferredOpen) await answerPrivately(text);
    },
  };
}
