import type { ActionStore } from '../store/action-store.js';
import type { ChatPort, MessageRef, OutgoingMessage } from '../chat/chat-port.js';

const actionIds = (message: OutgoingMessage): string[] =>
  [...(message.buttons ?? []).map((b) => b.id), ...(message.select === undefined ? [] : [message.select.id])].flatMap(
    (id) => (id.startsWith('act:') ? [id.slice(4)] : []),
  );

/**
 * A `ChatPort` that records, for every button and menu it posts or edits in, the message it
 * landed on (platform, workspace, channel, message): a click from anywhere else is refused by
 * the dispatcher. `workspaceId` is the run's Discord guild or Slack team.
 */
export function bindActionOrigins(
  chat: ChatPort,
  actionStore: Pick<ActionStore, 'bindOrigin'>,
  workspaceId?: string,
): ChatPort {
  const bind = async (message: OutgoingMessage, at: MessageRef): Promise<void> => {
    const origin = {
      platform: at.platform,
      channelId: at.channelId,
      messageId: at.messageId,
      ...(workspaceId === undefined ? {} : { workspaceId }),
    };
    await Promise.all(actionIds(message).map((id) => actionStore.bindOrigin(id, origin)));
  };
  return {
    platform: chat.platform,
    openThread: async (channelId, title, first, key) => {
      const opened = await chat.openThread(channelId, title, first, key);
      await bind(first, opened.root);
      return opened;
    },
    openThreadOn: (root, title) => chat.openThreadOn(root, title),
    post: async (thread, message, key) => {
      const ref = await chat.post(thread, message, key);
      await bind(message, ref);
      return ref;
    },
    edit: async (message, next) => {
      await chat.edit(message, next);
      await bind(next, message);
    },
    disableActions: (message) => chat.disableActions(message),
    sendDirect: async (userId, message) => {
      const ref = await chat.sendDirect(userId, message);
      await bind(message, ref);
      return ref;
    },
  };
}
