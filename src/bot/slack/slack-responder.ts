import type { RespondFn } from '@slack/bolt';
import type { Logger } from '../../log.js';
import type { MessageRef, OutgoingMessage } from '../../chat/chat-port.js';
import type { Responder } from '../inbound.js';
import type { SlackChat } from './slack-chat.js';
import { toMrkdwn } from './slack-mrkdwn.js';

export interface SlackResponderParts {
  readonly chat: SlackChat;
  readonly respond: RespondFn;
  readonly channelId: string;
  readonly userId: string;
  /** Where public replies go: unset for slash commands (a new root), the thread for clicks. */
  readonly threadTs?: string;
  readonly logger: Logger;
}

/**
 * Answers one slash command or click. Private replies go through `response_url` (ephemeral;
 * it allows 5 uses in 30 minutes) and fall back to `chat.postEphemeral`; public replies are
 * posted with the bot token so they can be edited and threaded later.
 */
export function slackResponder(parts: SlackResponderParts): Responder {
  const { chat, respond, channelId, userId, threadTs, logger } = parts;
  return {
    async replyPrivately(text: string): Promise<void> {
      try {
        await respond({ response_type: 'ephemeral', replace_original: false, text: toMrkdwn(text) });
      } catch (error) {
        logger.warn({ err: error }, 'slack: response_url failed, falling back to chat.postEphemeral');
        await chat.postEphemeral(channelId, userId, text);
      }
    },
    replyPublicly(message: OutgoingMessage): Promise<MessageRef> {
      return chat.postTo(channelId, threadTs, message);
    },
  };
}
