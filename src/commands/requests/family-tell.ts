import type { OutgoingMessage } from '../../chat/chat-port.js';
import type { Logger } from '../../log.js';
import { deliverNotices } from '../../media/notify-deliver.js';
import { requesterRecipient, type NoticeRecipient } from '../../media/notify-recipients.js';
import type { NoticeEvent } from '../../media/subscriptions.js';
import type { FamilyDeps } from './family-deps.js';

/** The chat user linked to an Overseerr user (people table, else the Discord id saved in Overseerr). */
export function recipientOf(
  deps: Pick<FamilyDeps, 'people' | 'chats'>,
  user:
    | { readonly id: number; readonly settings?: { readonly discordId?: string | null | undefined } | null | undefined }
    | undefined,
): NoticeRecipient | undefined {
  if (user === undefined) return undefined;
  const discordId = user.settings?.discordId;
  return requesterRecipient(
    { overseerrUserId: user.id, discordIds: typeof discordId === 'string' && discordId !== '' ? [discordId] : [] },
    deps.people,
    new Set(Object.keys(deps.chats) as (keyof FamilyDeps['chats'])[]),
  );
}

/**
 * One DM to one person, at most once per ledger key (shared with the webhook and poll notices).
 * Returns whether it went out now; a failure is logged and left for the webhook/poll to retry.
 */
export async function tellOnce(
  deps: Pick<FamilyDeps, 'chats' | 'store'>,
  to: NoticeRecipient | undefined,
  key: { readonly event: NoticeEvent; readonly id: number },
  message: () => Promise<OutgoingMessage> | OutgoingMessage,
  log: Logger,
): Promise<boolean> {
  if (to === undefined) return false;
  try {
    const result = await deliverNotices({
      event: key.event,
      requestId: key.id,
      recipients: [to],
      render: async () => {
        const m = await message();
        return () => m;
      },
      chats: deps.chats,
      store: deps.store,
      log,
    });
    return result.sent > 0;
  } catch (error) {
    log.warn({ err: error, event: key.event }, 'family notice not sent; the webhook or poll tries again');
    return false;
  }
}
