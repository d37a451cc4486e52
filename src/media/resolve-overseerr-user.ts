import type { ChatUser } from '../chat/chat-port.js';
import type { Person } from '../config/schema.js';
import type { OverseerrClient } from './overseerr-client.js';

/** Who is asking, as the chat layer knows them (the shell's id is the person's name). */
export type ChatIdentity = Pick<ChatUser, 'platform' | 'id'>;

/** The Overseerr user to act as, and how the link was found. */
export interface LinkedOverseerrUser {
  readonly overseerrUserId: number;
  readonly via: 'people' | 'overseerr-discord';
}

function personOf(people: readonly Person[], who: ChatIdentity): Person | undefined {
  if (who.platform === 'discord') return people.find((p) => p.discordId === who.id);
  if (who.platform === 'slack') return people.find((p) => p.slackId === who.id);
  return people.find((p) => p.name === who.id);
}

/**
 * Maps a chat user to an Overseerr user: an explicit `people[].overseerrUserId` wins; otherwise a
 * Discord user is looked up by the Discord id saved in Overseerr (`discordId` / `discordIds[]`).
 * Slack and the shell only work through the people table. Undefined = not linked.
 */
export async function resolveOverseerrUser(
  who: ChatIdentity,
  people: readonly Person[],
  client: Pick<OverseerrClient, 'findUserByDiscordId'>,
  signal?: AbortSignal,
): Promise<LinkedOverseerrUser | undefined> {
  const configured = personOf(people, who)?.overseerrUserId;
  if (configured !== undefined) return { overseerrUserId: configured, via: 'people' };
  if (who.platform !== 'discord') return undefined;
  const user = await client.findUserByDiscordId(who.id, signal);
  return user === undefined ? undefined : { overseerrUserId: user.id, via: 'overseerr-discord' };
}
