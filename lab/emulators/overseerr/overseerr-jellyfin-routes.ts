import type { Reply } from './overseerr-create.js';
import type { OverseerrState } from './overseerr-state.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `GET /settings/jellyfin` (JellyfinSettings; the admin password is never returned). */
export function jellyfinSettings(state: OverseerrState): Reply {
  const j = state.jellyfin;
  return {
    status: 200,
    body: {
      name: j.hostname === '' ? '' : 'emu-jellyfin',
      hostname: j.hostname,
      externalHostname: '',
      jellyfinForgotPasswordUrl: '',
      adminUser: 'admin',
      libraries: j.libraries.map((l) => ({ ...l })),
      serverID: j.serverId,
    },
  };
}

/** `GET /settings/jellyfin/library` (`sync` asks Jellyfin again; enabled flags are kept). */
export async function jellyfinLibraries(state: OverseerrState, url: URL): Promise<Reply> {
  if (url.searchParams.get('sync') !== null) {
    const res = await dialJellyfin(state, '/Library/VirtualFolders');
    if (res.status !== 200) return res;
    const found = (res.body as { Name?: string; ItemId?: string; CollectionType?: string }[]).filter(
      (f) => f.CollectionType === 'movies' || f.CollectionType === 'tvshows',
    );
    const before = new Map(state.jellyfin.libraries.map((l) => [l.id, l.enabled]));
    state.jellyfin.libraries.splice(
      0,
      Infinity,
      ...found.map((f) => ({ id: f.ItemId ?? '', name: f.Name ?? '', enabled: before.get(f.ItemId ?? '') ?? false })),
    );
  }
  return { status: 200, body: state.jellyfin.libraries.map((l) => ({ ...l })) };
}

/**
 * `GET /settings/jellyfin/users`: like server/routes/settings/index.ts, a real `GET /Users` to the
 * configured Jellyfin with the stored key; any failure is the error handler's 500 `{message}`.
 */
export async function jellyfinUsers(state: OverseerrState): Promise<Reply> {
  const res = await dialJellyfin(state, '/Users');
  if (res.status !== 200) return res;
  const users = res.body as { Name?: string; Id?: string }[];
  return { status: 200, body: users.map((u) => ({ username: u.Name ?? '', id: u.Id ?? '', email: u.Name ?? '' })) };
}

async function dialJellyfin(state: OverseerrState, path: string): Promise<Reply> {
  const fail: Reply = { status: 500, body: { message: 'Something went wrong while contacting Jellyfin.' } };
  const { hostname, apiKey } = state.jellyfin;
  let url: URL;
  try {
    url = new URL(`${hostname.replace(/\/+$/, '')}${path}`);
  } catch {
    return fail;
  }
  // Only loopback is dialled; any other host fails as an unresolvable name would.
  if (!LOOPBACK.has(url.hostname)) return fail;
  try {
    const res = await fetch(url, {
      headers: { Accept: 'application/json', Authorization: `MediaBrowser Client="Jellyseerr", Token="${apiKey}"` },
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) return fail;
    return { status: 200, body: await res.json() };
  } catch {
    return fail;
  }
}
