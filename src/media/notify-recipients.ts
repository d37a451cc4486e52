import type { Platform } from '../chat/chat-port.js';
import type { Person } from '../config/schema.js';
import type { Subscriber } from './subscriptions.js';

/** A chat user to DM, and why they get the notice. */
export interface NoticeRecipient extends Subscriber {
  readonly why: 'requester' | 'subscriber';
}

/** What is known about the Overseerr user who made the request. */
export interface RequesterIdentity {
  readonly overseerrUserId?: number;
  /** From Overseerr user settings (`discordId`, `discordIds[]`) or the webhook. */
  readonly discordIds: readonly string[];
}

/**
 * The chat user to tell about a request: the people-table entry linked to the Overseerr user
 * (by `overseerrUserId`, else by a Discord id), DMed on Discord when possible, else on Slack;
 * without one, the Discord id saved in Overseerr. One recipient, so nobody is told twice.
 */
export function requesterRecipient(
  who: RequesterIdentity,
  people: readonly Person[],
  platforms: ReadonlySet<Platform>,
): NoticeRecipient | undefined {
  const person =
    (who.overseerrUserId === undefined ? undefined : people.find((p) => p.overseerrUserId === who.overseerrUserId)) ??
    people.find((p) => p.discordId !== undefined && who.discordIds.includes(p.discordId));
  if (person !== undefined) {
    if (person.discordId !== undefined && platforms.has('discord'))
      return { platform: 'discord', userId: person.discordId, why: 'requester' };
    if (person.slackId !== undefined && platforms.has('slack'))
      return { platform: 'slack', userId: person.slackId, why: 'requester' };
    return undefined;
  }
  const discordId = who.discordIds.find((id) => /^\d{17,20}$/.test(id));
  return discordId !== undefined && platforms.has('discord')
    ? { platform: 'discord', userId: discordId, why: 'requester' }
    : undefined;
}

/** The requester (if any) and the subscribers, each chat user once (the requester wording wins). */
export function noticeRecipients(
  requester: NoticeRecipient | undefined,
  subscribers: readonly Subscriber[],
  platforms: ReadonlySet<Platform>,
): NoticeRecipient[] {
  const all: NoticeRecipient[] = requester === undefined ? [] : [requester];
  for (const s of subscribers) {
    if (!platforms.has(s.platform) || all.some((r) => r.platform === s.platform && r.userId === s.userId)) continue;
    all.push({ platform: s.platform, userId: s.userId, why: 'subscriber' });
  }
  return all;
}
