import { callOverseerr, type OverseerrHttpOptions } from './overseerr-http.js';
import { expectOk } from './overseerr-reply.js';
import { notificationSettingsSchema, userPageSchema, type OverseerrUser } from './overseerr-schemas.js';

const PAGE_SIZE = 100;

/** Every Overseerr user, one paged `GET /user` call per 100 users (settings are eager-loaded). */
export async function listUsers(options: OverseerrHttpOptions, signal?: AbortSignal): Promise<OverseerrUser[]> {
  const users: OverseerrUser[] = [];
  for (let page = 1; ; page += 1) {
    const reply = await callOverseerr(options, {
      method: 'GET', path: '/user', query: { take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE, sort: 'created' },
      ...(signal === undefined ? {} : { signal }),
    });
    const data = expectOk(reply, userPageSchema, 'user list');
    users.push(...data.results);
    if (page >= data.pageInfo.pages || data.results.length === 0) return users;
  }
}

/** Discord ids linked to a user: `discordId` plus `discordIds[]` (newer servers). */
export function discordIdsOf(settings: { discordId?: string | null | undefined; discordIds?: readonly string[] | null | undefined }): string[] {
  const ids = [...(settings.discordIds ?? [])];
  if (settings.discordId !== undefined && settings.discordId !== null && settings.discordId !== '') ids.push(settings.discordId);
  return ids;
}

/** `GET /user/{id}/settings/notifications`, for servers whose user list carries no settings. */
export async function notificationDiscordIds(options: OverseerrHttpOptions, userId: number, signal?: AbortSignal): Promise<string[]> {
  const reply = await callOverseerr(options, {
    method: 'GET', path: `/user/${userId}/settings/notifications`,
    ...(signal === undefined ? {} : { signal }),
  });
  return discordIdsOf(expectOk(reply, notificationSettingsSchema, 'notification settings'));
}

/** Builds discord id → Overseerr user from the user list, asking per user only when settings are missing. */
export async function buildDiscordIndex(options: OverseerrHttpOptions, signal?: AbortSignal): Promise<Map<string, OverseerrUser>> {
  const index = new Map<string, OverseerrUser>();
  for (const user of await listUsers(options, signal)) {
    const ids = user.settings === undefined || user.settings === null
      ? await notificationDiscordIds(options, user.id, signal)
      : discordIdsOf(user.settings);
    for (const id of ids) index.set(id, user);
  }
  return index;
}
