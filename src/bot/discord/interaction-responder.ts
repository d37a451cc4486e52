import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Message, type StringSelectMenuInteraction } from 'discord.js';
import type { MessageRef, OutgoingMessage } from '../../chat/chat-port.js';
import type { Responder } from '../inbound.js';
import { callDiscord } from './discord-chat.js';
import { locate } from './to-inbound.js';
import { toDiscordMessage } from './to-discord-message.js';

type Deferred = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

const toPayload = (message: OutgoingMessage) => {
  const body = toDiscordMessage(message);
  return { content: body.content, components: body.components as never[], files: body.files.map((f) => ({ attachment: f.data, name: f.name })) };
};

function refOf(i: Deferred, sent: Message): MessageRef {
  const where = locate(i);
  return { platform: 'discord', channelId: where.channelId, messageId: sent.id, ...(where.threadId === undefined ? {} : { threadId: where.threadId }) };
}

/**
 * Answers an interaction the adapter has already deferred. Commands: the first public reply
 * completes the deferred reply (`editReply`), later ones are follow-ups. Actions (deferUpdate):
 * public replies are follow-ups, so the clicked message keeps its content.
 */
export function interactionResponder(i: Deferred): Responder {
  let publicSent = false;
  const completesDeferred = i.isChatInputCommand();
  return {
    async replyPublicly(message) {
      const payload = toPayload(message);
      const first = completesDeferred && !publicSent;
      publicSent = true;
      const sent = await callDiscord<Message>('reply', () => (first ? i.editReply(payload) : i.followUp(payload)));
      return refOf(i, sent);
    },
    async replyPrivately(text) {
      // A deferred command reply shows "thinking…" until edited, so the first answer completes it.
      if (completesDeferred && !publicSent) {
        publicSent = true;
        await callDiscord('reply', () => i.editReply({ content: toDiscordMessage({ text }).content }));
        return;
      }
      await callDiscord('reply privately', () => i.followUp({ content: toDiscordMessage({ text }).content, flags: MessageFlags.Ephemeral }));
    },
  };
}
