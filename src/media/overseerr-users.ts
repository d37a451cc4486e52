import { callOverseerr, type OverseerrHttpOptions } from './overseerr-http.js';
import { expectOk } from './overseerr-reply.js';
import { notificationSettingsSchema, userPageSchema, type OverseerrUser } from './overseerr-schemas.js';

const PAGE_SIZE = 100;

/**
 * Every Overseerr user, one paged `GET /user` call per 100 users. Real Overseerr's list carries no
 * notification settings (some forks do): see {@link buildDiscordIndex}.
 */
export async function listUsers(options: OverseerrHttpOptions, signal?: AbortSignal): Promise<OverseerrUser[]> {
  const users: OverseerrUser[] = [];
  for (let page = 1; ; page += 1) {
    const reply = await callOverseerr(options, {
      method: 'GET',
      path: '/user',
      query: { take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE, sort: 'created' },
      ...(signal === undefined ? {} : { signal }),
    });
    const data = expectOk(reply, userPageSchema, 'user list');
    users.push(...data.results);
    if (page >= data.pageInfo.pages || data.results.length === 0) return users;
  }
}

/** Discord ids linked to a user: `discordId` plus `discordIds[]` (newer servers). */
export function discordIdsOf(settings: {
  discordId?: string | null | undefined;
  discordIds?: readonly string[] | null | undefined;
}): string[] {
  const ids = [...(settings.discordIds ?? [])];
  if (settings.discordId !== undefined && settings.discordId !== null && settings.discordId !== '')
    ids.push(settings.discordId);
  return ids;
}

/** `GET /user/{id}/settings/notifications`, for servers whose user list carries no settings. */
export async function notificationDiscordIds(
  options: OverseerrHttpOptions,
  userId: number,
  signal?: AbortSignal,
): Promise<string[]> {
  const reply = await callOverseerr(options, {
    method: 'GET',
    path: `/user/${userId}/settings/notifications`,
    ...(signal === undefined ? {} : { signal }),
  });
  return discordIdsOf(expectOk(reply, notificationSettingsSchema, 'notification settings'));
}

/** Per-user Discord ids read from `/user/{id}/settings/notifications`, kept for a TTL across index rebuilds. */
export interface DiscordIdCache {
  readonly ttlMs: number;
  readonly now: () => number;
  readonly entries: Map<number, { readonly ids: readonly string[]; readonly at: number }>;
}

export const discordIdCache = (ttlMs: number, now: () => number): DiscordIdCache => ({
  ttlMs,
  now,
  entries: new Map(),
});

async function idsOf(
  options: OverseerrHttpOptions,
  user: OverseerrUser,
  cache: DiscordIdCache | undefined,
  signal?: AbortSignal,
): Promise<readonly string[]> {
  if (user.settings !== undefined && user.settings !== null) return discordIdsOf(user.settings);
  const cached = cache?.entries.get(user.id);
  if (cached !== undefined && cache !== undefined && cache.now() - cached.at < cache.ttlMs) return cached.ids;
  const ids = await notificationDiscordIds(options, user.id, signal);
  cache?.entries.set(user.id, { ids, at: cache.now() });
  return ids;
}

/**
 * Builds discord id → Overseerr user: one user-list call per 100 users, and each user's notification
 * settings only when the list has none and the cached ones are older than the cache's TTL.
 */
export async function buildDiscordIndex(
  options: OverseerrHttpOptions,
  cache?: DiscordIdCache,
  signal?: AbortSignal,
): Promise<Map<string, OverseerrUser>> {
  const index = new Map<string, OverseerrUser>();
  for (const user of await listUsers(options, signal)) {
    for (const id of await idsOf(options, user, cache, signal)) index.set(id, user);
  }
  return index;
}
