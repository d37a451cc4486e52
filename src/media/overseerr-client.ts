import { callOverseerr, type OverseerrCall, type OverseerrHttpOptions } from './overseerr-http.js';
import { expectOk } from './overseerr-reply.js';
import { createRequest, type NewMediaRequest, type RequestResult } from './overseerr-request.js';
import {
  movieDetailsSchema,
  quotaSchema,
  requestPageSchema,
  searchPageSchema,
  statusSchema,
  tvDetailsSchema,
  type OverseerrMovie,
  type OverseerrQuota,
  type OverseerrRequest,
  type OverseerrSearchPage,
  type OverseerrStatus,
  type OverseerrTv,
  type OverseerrUser,
} from './overseerr-schemas.js';
import { readRequestSettings, type RequestSettings } from './overseerr-settings.js';
import { buildDiscordIndex, discordIdCache, listUsers } from './overseerr-users.js';

/** Options of {@link createOverseerrClient}. */
export interface OverseerrClientOptions extends OverseerrHttpOptions {
  /** How long the discord id → user index is reused (default 5 min). */
  readonly userCacheMs?: number;
  /** A miss rebuilds the index when it is older than this (default 30 s), so fresh links work soon. */
  readonly userMissRefreshMs?: number;
  /** How long one user's notification settings (their Discord ids) are reused across rebuilds (default 10 min). */
  readonly userSettingsTtlMs?: number;
  /** Clock for the cache (default `Date.now`). */
  readonly now?: () => number;
}

/** Overseerr `/api/v1`, as the bot uses it. Every method takes an optional AbortSignal. */
export interface OverseerrClient {
  /** `Overseerr` or `Jellyseerr` (the `flavor` option), for user-facing text. */
  readonly name: 'Overseerr' | 'Jellyseerr';
  status(signal?: AbortSignal): Promise<OverseerrStatus>;
  /** Search; `query` is sent RFC 3986-encoded (never `+`). Prefixes like `tmdb:603` pass through. */
  search(query: string, page?: number, signal?: AbortSignal): Promise<OverseerrSearchPage>;
  movie(tmdbId: number, signal?: AbortSignal): Promise<OverseerrMovie>;
  tv(tmdbId: number, signal?: AbortSignal): Promise<OverseerrTv>;
  users(signal?: AbortSignal): Promise<OverseerrUser[]>;
  /** The user whose settings hold this Discord id (`discordId` or `discordIds[]`); cached. */
  findUserByDiscordId(discordId: string, signal?: AbortSignal): Promise<OverseerrUser | undefined>;
  /** Asked as that user (Overseerr only lets a user or a manager read a quota). */
  quota(userId: number, signal?: AbortSignal): Promise<OverseerrQuota>;
  request(input: NewMediaRequest): Promise<RequestResult>;
  /** The requests of one user, newest first, asked as that user. */
  /** partialRequestsEnabled and whether 4K Radarr/Sonarr servers exist (admin settings). */
  requestSettings(signal?: AbortSignal): Promise<RequestSettings>;
  requests(input: {
    readonly requestedBy: number;
    readonly take?: number;
    readonly signal?: AbortSignal;
  }): Promise<OverseerrRequest[]>;
}

/** Creates the client; nothing is fetched until a method is called. */
export function createOverseerrClient(options: OverseerrClientOptions): OverseerrClient {
  const now = options.now ?? Date.now;
  const cacheMs = options.userCacheMs ?? 300_000;
  const missRefreshMs = options.userMissRefreshMs ?? 30_000;
  let cache: { readonly at: number; readonly index: Map<string, OverseerrUser> } | undefined;
  const settings = discordIdCache(options.userSettingsTtlMs ?? 600_000, now);
  const get = (path: string, signal: AbortSignal | undefined, extra: Partial<OverseerrCall> = {}) =>
    callOverseerr(options, { method: 'GET', path, ...extra, ...(signal === undefined ? {} : { signal }) });

  return {
    name: options.flavor === 'jellyseerr' ? 'Jellyseerr' : 'Overseerr',
    status: async (signal) => expectOk(await get('/status', signal), statusSchema, 'status'),
    search: async (query, page = 1, signal) =>
      expectOk(await get('/search', signal, { query: { query, page, language: 'en' } }), searchPageSchema, 'search'),
    movie: async (id, signal) => expectOk(await get(`/movie/${id}`, signal), movieDetailsSchema, 'movie'),
    tv: async (id, signal) => expectOk(await get(`/tv/${id}`, signal), tvDetailsSchema, 'tv show'),
    users: (signal) => listUsers(options, signal),
    findUserByDiscordId: async (discordId, signal) => {
      const age = cache === undefined ? Infinity : now() - cache.at;
      const hit = cache?.index.get(discordId);
      if (age <= cacheMs && (hit !== undefined || age <= missRefreshMs)) return hit;
      cache = { at: now(), index: await buildDiscordIndex(options, settings, signal) };
      return cache.index.get(discordId);
    },
    quota: async (userId, signal) =>
      expectOk(await get(`/user/${userId}/quota`, signal, { asUser: userId }), quotaSchema, 'quota'),
    request: (input) => createRequest(options, input),
    requestSettings: (signal) => readRequestSettings(options, signal),
    requests: async ({ requestedBy, take = 20, signal }) => {
      const reply = await get('/request', signal, {
        query: { take, skip: 0, filter: 'all', sort: 'added', requestedBy },
        asUser: requestedBy,
      });
      return expectOk(reply, requestPageSchema, 'request list').results;
    },
  };
}
