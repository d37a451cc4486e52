import { PERM, SEED_STATUS, SEED_TITLES, SEED_USERS, type SeedTitle, type SeedUser } from './overseerr-seed.js';

/** A stored request (MediaRequestStatus 1 pending, 2 approved, 3 declined, 4 failed). */
export interface StoredRequest {
  readonly id: number;
  status: number;
  readonly tmdbId: number;
  readonly mediaType: 'movie' | 'tv';
  readonly is4k: boolean;
  readonly requestedBy: number;
  modifiedBy: number | undefined;
  readonly seasons: readonly number[];
  readonly createdAt: string;
}

/** Media row (created on first request or status change). */
export interface StoredMedia {
  readonly id: number;
  status: number;
  status4k: number;
  readonly seasonStatus: Map<number, number>;
  readonly createdAt: string;
  /** `mediaInfo.downloadStatus[]` as download-sync fills it (set by tests; see overseerr-notify-hooks.ts). */
  downloadStatus?: readonly Record<string, unknown>[];
}

/** One Radarr/Sonarr server entry (Settings → Services), as `GET /settings/radarr|sonarr` lists it. */
export interface ArrServerEntry {
  readonly id: number;
  name: string;
  hostname: string;
  port: number;
  apiKey: string;
  useSsl: boolean;
  baseUrl: string;
  activeProfileId: number;
  activeProfileName: string;
  activeDirectory: string;
  is4k: boolean;
}

const arrEntry = (id: number, name: string, port: number, is4k: boolean): ArrServerEntry => ({
  id,
  name,
  hostname: name.toLowerCase(),
  port,
  apiKey: 'redacted-in-tests',
  useSsl: false,
  baseUrl: '',
  activeProfileId: 4,
  activeProfileName: 'HD-1080p',
  activeDirectory: '/data/media',
  is4k,
});

/** All emulator state; one instance per emulator. */
export interface OverseerrState {
  readonly titles: ReadonlyMap<number, SeedTitle>;
  readonly users: ReadonlyMap<number, SeedUser>;
  readonly media: Map<number, StoredMedia>;
  readonly requests: StoredRequest[];
  partialRequestsEnabled: boolean;
  /** Settings → Services entries (defaults: Radarr, Radarr4K, Sonarr at their container names). */
  readonly arrServers: { readonly radarr: ArrServerEntry[]; readonly sonarr: ArrServerEntry[] };
  nextId: number;
  readonly now: () => Date;
  /** Issues (`POST /issue`), see overseerr-issues.ts. */
  readonly issues: StoredIssue[];
  /** Notifications Overseerr would send (drained by the emulator's webhook agent). */
  readonly events: EmulatorEvent[];
  /** `jellyseerr`: Jellyseerr's routes (Settings → Jellyfin), names and media links. */
  readonly flavor: 'overseerr' | 'jellyseerr';
  /** Jellyseerr's Settings → Jellyfin (`hostname` is the Jellyfin URL Jellyseerr dials). */
  readonly jellyfin: JellyfinLink;
}

/** One comment on an issue. */
export interface StoredComment {
  readonly id: number;
  readonly userId: number;
  readonly message: string;
  readonly createdAt: string;
}

/** A stored issue (IssueType 1 video, 2 audio, 3 subtitles, 4 other; IssueStatus 1 open, 2 resolved). */
export interface StoredIssue {
  readonly id: number;
  readonly issueType: number;
  status: number;
  readonly tmdbId: number;
  readonly problemSeason: number;
  readonly problemEpisode: number;
  readonly createdBy: number;
  modifiedBy: number;
  readonly comments: StoredComment[];
  readonly createdAt: string;
  updatedAt: string;
}

/** A notification the webhook agent sends (default JSON template, see overseerr-notify-hooks.ts). */
export interface EmulatorEvent {
  readonly type: string;
  readonly requestId?: number;
  readonly issueId?: number;
  readonly commentId?: number;
}

/** Jellyseerr's Jellyfin settings: where it dials, with which key, and the libraries it syncs. */
export interface JellyfinLink {
  hostname: string;
  apiKey: string;
  serverId: string;
  readonly libraries: { id: string; name: string; enabled: boolean }[];
}

export function createOverseerrState(
  now: () => Date = () => new Date(),
  flavor: 'overseerr' | 'jellyseerr' = 'overseerr',
): OverseerrState {
  const state: OverseerrState = {
    titles: new Map(SEED_TITLES.map((t) => [t.tmdbId, t])),
    users: new Map(SEED_USERS.map((u) => [u.id, u])),
    media: new Map(),
    requests: [],
    partialRequestsEnabled: true,
    arrServers: {
      radarr: [arrEntry(0, 'Radarr', 7878, false), arrEntry(1, 'Radarr4K', 7878, true)],
      sonarr: [arrEntry(0, 'Sonarr', 8989, false)],
    },
    nextId: 1,
    now,
    issues: [],
    events: [],
    flavor,
    jellyfin: { hostname: '', apiKey: '', serverId: '', libraries: [] },
  };
  for (const [tmdbId, status] of SEED_STATUS) ensureMedia(state, tmdbId).status = status;
  return state;
}

export function ensureMedia(state: OverseerrState, tmdbId: number): StoredMedia {
  const existing = state.media.get(tmdbId);
  if (existing !== undefined) return existing;
  const created: StoredMedia = {
    id: state.nextId++,
    status: 1,
    status4k: 1,
    seasonStatus: new Map(),
    createdAt: state.now().toISOString(),
  };
  state.media.set(tmdbId, created);
  return created;
}

/** ADMIN passes every check; otherwise any of `bits` suffices. */
export function hasPermission(user: SeedUser, bits: number): boolean {
  return (user.permissions & PERM.ADMIN) !== 0 || (user.permissions & bits) !== 0;
}

/** Quota usage in the window: requests made by the user (movies count 1, TV counts seasons). */
export function quotaOf(state: OverseerrState, user: SeedUser, mediaType: 'movie' | 'tv') {
  const { limit, days } = user.quota[mediaType];
  const since = state.now().getTime() - days * 86_400_000;
  const mine = state.requests.filter(
    (r) => r.requestedBy === user.id && r.mediaType === mediaType && r.status !== 3 && Date.parse(r.createdAt) >= since,
  );
  const used =
    mine.reduce((n, r) => n + (mediaType === 'tv' ? r.seasons.length : 1), 0) +
    (mediaType === 'movie' ? (user.usedMovie ?? 0) : 0);
  const remaining = limit === 0 ? 0 : Math.max(0, limit - used);
  return { days, limit, used, remaining, restricted: limit > 0 && remaining === 0 };
}
