import type { ChatPort, OutgoingMessage, Platform } from '../chat/chat-port.js';
import { ExternalError } from '../errors.js';
import type { Logger } from '../log.js';
import type { NoticeRecipient } from './notify-recipients.js';
import type { NoticeEvent, SubscriptionStore } from './subscriptions.js';

export interface DeliveryInput {
  readonly event: NoticeEvent;
  readonly requestId: number;
  readonly recipients: readonly NoticeRecipient[];
  /** Built only when at least one notice is still due (it may call Overseerr). */
  readonly render: () => Promise<(recipient: NoticeRecipient) => OutgoingMessage>;
  readonly chats: Partial<Record<Platform, ChatPort>>;
  readonly store: SubscriptionStore;
  readonly log: Logger;
}

/** How many notices went out, were already sent, or are left for a retry. */
export interface DeliveryResult {
  readonly sent: number;
  readonly alreadySent: number;
  readonly pending: number;
}

/**
 * Sends each recipient their DM at most once per (event, request, user): the ledger claim is
 * atomic, confirmed after the DM went out, released when it failed. Failed or concurrently held
 * notices make it throw a retryable error (after the others were sent) so the job tries again.
 */
export async function deliverNotices(input: DeliveryInput): Promise<DeliveryResult> {
  const key = (r: NoticeRecipient) => ({
    event: input.event,
    requestId: input.requestId,
    platform: r.platform,
    userId: r.userId,
  });
  const due: NoticeRecipient[] = [];
  for (const r of input.recipients) if (!(await input.store.isNotified(key(r)))) due.push(r);
  const alreadySent = input.recipients.length - due.length;
  if (due.length === 0) return { sent: 0, alreadySent, pending: 0 };
  const render = await input.render();
  let sent = 0;
  let pending = 0;
  for (const r of due) {
    const claim = await input.store.claimNotice(key(r));
    if (claim !== 'claimed') {
      if (claim === 'busy') pending += 1;
      continue;
    }
    try {
      const chat = input.chats[r.platform];
      if (chat === undefined) throw new Error(`no ${r.platform} chat`);
      await chat.sendDirect(r.userId, render(r));
      await input.store.confirmNotice(key(r));
      sent += 1;
    } catch (error) {
      await input.store.releaseNotice(key(r));
      input.log.warn(
        { err: error, platform: r.platform, event: input.event, requestId: input.requestId },
        'notice DM failed',
      );
      pending += 1;
    }
  }
  input.log.info({ event: input.event, requestId: input.requestId, sent, alreadySent, pending }, 'notices delivered');
  if (pending > 0)
    throw new ExternalError('notice-pending', `${pending} notice(s) for request ${input.requestId} not sent yet`);
  return { sent, alreadySent, pending };
}
