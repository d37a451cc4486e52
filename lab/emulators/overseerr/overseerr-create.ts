import { PERM, type SeedTitle, type SeedUser } from './overseerr-seed.js';
import { ensureMedia, hasPermission, quotaOf, type OverseerrState } from './overseerr-state.js';
import { requestJson } from './overseerr-json.js';

/** Status + body, before validation. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

interface Body {
  mediaType?: unknown;
  mediaId?: unknown;
  seasons?: unknown;
  is4k?: unknown;
  userId?: unknown;
}

const msg = (status: number, message: string): Reply => ({ status, body: { message } });

function requestable(state: OverseerrState, t: SeedTitle, asked: unknown): number[] {
  const all = t.seasons ?? [];
  // Overseerr maps "all" to every TMDB season number, specials (0) included.
  const wanted =
    asked === 'all'
      ? all
      : Array.isArray(asked)
        ? asked.filter((n): n is number => typeof n === 'number' && all.includes(n))
        : [];
  const media = state.media.get(t.tmdbId);
  const taken = new Set(
    state.requests.filter((r) => r.tmdbId === t.tmdbId && r.status !== 3).flatMap((r) => r.seasons),
  );
  return wanted.filter((n) => !taken.has(n) && (media?.seasonStatus.get(n) ?? 1) === 1);
}

function permissionError(user: SeedUser, t: SeedTitle, is4k: boolean): Reply | undefined {
  const bits = is4k
    ? PERM.REQUEST_4K | (t.mediaType === 'movie' ? PERM.REQUEST_4K_MOVIE : PERM.REQUEST_4K_TV)
    : PERM.REQUEST | (t.mediaType === 'movie' ? PERM.REQUEST_MOVIE : PERM.REQUEST_TV);
  if (hasPermission(user, bits)) return undefined;
  return msg(
    403,
    `You do not have permission to make ${is4k ? '4K ' : ''}${t.mediaType === 'movie' ? 'movie' : 'series'} requests.`,
  );
}

function autoApproves(acting: SeedUser, t: SeedTitle): boolean {
  return hasPermission(
    acting,
    PERM.AUTO_APPROVE |
      PERM.MANAGE_REQUESTS |
      (t.mediaType === 'movie' ? PERM.AUTO_APPROVE_MOVIE : PERM.AUTO_APPROVE_TV),
  );
}

/** `POST /request`, following routes/request.ts and entity/MediaRequest.ts. */
export function createRequest(state: OverseerrState, acting: SeedUser, body: Body): Reply {
  if ((body.mediaType !== 'movie' && body.mediaType !== 'tv') || typeof body.mediaId !== 'number') {
    return {
      status: 400,
      body: { message: 'request/body must have required property mediaType, mediaId', errors: [] },
    };
  }
  if (body.userId !== undefined && !hasPermission(acting, PERM.MANAGE_USERS | PERM.MANAGE_REQUESTS)) {
    return msg(403, 'You do not have permission to modify the request user.');
  }
  const requester = typeof body.userId === 'number' ? state.users.get(body.userId) : acting;
  const t = state.titles.get(body.mediaId);
  if (requester === undefined || t?.mediaType !== body.mediaType) return msg(404, 'Media does not exist.');
  const is4k = body.is4k === true;
  const denied = permissionError(requester, t, is4k);
  if (denied !== undefined) return denied;
  const media = state.media.get(t.tmdbId);
  const seasons = t.mediaType === 'tv' ? requestable(state, t, body.seasons) : [];
  if (t.mediaType === 'movie') {
    const dup = state.requests.some((r) => r.tmdbId === t.tmdbId && r.is4k === is4k && r.status !== 3);
    if (dup || (media !== undefined && (is4k ? media.status4k : media.status) !== 1))
      return msg(409, 'Request for this media already exists.');
  } else if (seasons.length === 0) {
    return msg(202, 'No seasons available to request');
  }
  const quota = quotaOf(state, requester, t.mediaType);
  const cost = t.mediaType === 'tv' ? seasons.length : 1;
  if (quota.limit > 0 && cost > quota.remaining)
    return msg(403, t.mediaType === 'movie' ? 'Movie Quota exceeded.' : 'Series Quota exceeded.');
  return { status: 201, body: store(state, t, requester, acting, is4k, seasons) };
}

function store(
  state: OverseerrState,
  t: SeedTitle,
  requester: SeedUser,
  acting: SeedUser,
  is4k: boolean,
  seasons: number[],
) {
  const approved = autoApproves(acting, t);
  const media = ensureMedia(state, t.tmdbId);
  const mediaStatus = approved ? 3 : 2;
  if (is4k) media.status4k = mediaStatus;
  else media.status = mediaStatus;
  for (const n of seasons) media.seasonStatus.set(n, mediaStatus);
  const request = {
    id: state.nextId++,
    status: approved ? 2 : 1,
    tmdbId: t.tmdbId,
    mediaType: t.mediaType,
    is4k,
    requestedBy: requester.id,
    modifiedBy: approved ? acting.id : undefined,
    seasons,
    createdAt: state.now().toISOString(),
  };
  state.requests.push(request);
  // The webhook agent: a request waiting for approval notifies the managers (MEDIA_PENDING).
  state.events.push({ type: approved ? 'MEDIA_AUTO_APPROVED' : 'MEDIA_PENDING', requestId: request.id });
  return requestJson(state, request);
}
