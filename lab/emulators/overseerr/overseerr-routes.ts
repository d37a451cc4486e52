import { testArrServer } from './overseerr-arr-test.js';
import { commentIssue, createIssue, decideRequest, getIssue, listIssues, setIssueStatus } from './overseerr-issues.js';
import { jellyfinLibraries, jellyfinSettings, jellyfinUsers } from './overseerr-jellyfin-routes.js';
import { createRequest, type Reply } from './overseerr-create.js';
import { detailsJson, requestJson, searchResultJson, userJson } from './overseerr-json.js';
import { PERM, SEED_API_KEY, type SeedUser } from './overseerr-seed.js';
import { checkRawQuery, searchTitles } from './overseerr-search.js';
import { hasPermission, quotaOf, type ArrServerEntry, type OverseerrState } from './overseerr-state.js';

/** What a handler sees. `acting` is the X-Api-User user (or the admin). */
export interface RouteContext {
  readonly state: OverseerrState;
  readonly acting: SeedUser;
  readonly url: URL;
  readonly rawUrl: string;
  readonly id: number;
  /** The second path parameter (`{status}` of `/request/{requestId}/{status}`), if any. */
  readonly param?: string | undefined;
  readonly body: unknown;
}

/** One operation; `template` is the spec's path (used to pick the response schema). */
export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly template: string;
  readonly handle: (ctx: RouteContext) => Reply | Promise<Reply>;
}

const json = (body: unknown, status = 200): Reply => ({ status, body });
const forbidden: Reply = { status: 403, body: { message: 'You do not have permission to access this endpoint.' } };
const notFound = (what: string): Reply => ({ status: 404, body: { message: `${what} not found.` } });
const num = (url: URL, key: string, fallback: number) => Number(url.searchParams.get(key) ?? fallback) || fallback;

function search(ctx: RouteContext): Reply {
  const raw = checkRawQuery(ctx.rawUrl);
  if (!raw.ok)
    return json(
      { message: raw.message, errors: [{ path: '.query.query', message: raw.message, location: 'query' }] },
      400,
    );
  const page = num(ctx.url, 'page', 1);
  const hits = searchTitles(ctx.state.titles.values(), raw.value);
  const results = hits.slice((page - 1) * 20, page * 20).map((t) => searchResultJson(ctx.state, t));
  return json({ page, totalPages: Math.max(1, Math.ceil(hits.length / 20)), totalResults: hits.length, results });
}

function details(mediaType: 'movie' | 'tv') {
  return (ctx: RouteContext): Reply => {
    const t = ctx.state.titles.get(ctx.id);
    return t?.mediaType === mediaType ? json(detailsJson(ctx.state, t)) : notFound('Movie or series');
  };
}

function listRequests(ctx: RouteContext): Reply {
  const { url, state, acting } = ctx;
  const take = num(url, 'take', 10);
  const skip = Number(url.searchParams.get('skip') ?? 0);
  const by = url.searchParams.get('requestedBy');
  const filter = url.searchParams.get('filter') ?? 'all';
  const sees = hasPermission(acting, PERM.MANAGE_REQUESTS | 16384);
  const rows = state.requests
    .filter((r) => (sees ? by === null || r.requestedBy === Number(by) : r.requestedBy === acting.id))
    .filter(
      (r) =>
        filter === 'all' ||
        (filter === 'pending' && r.status === 1) ||
        (filter === 'approved' && r.status === 2) ||
        (filter === 'available' &&
          (r.is4k ? state.media.get(r.tmdbId)?.status4k : state.media.get(r.tmdbId)?.status) === 5),
    )
    .reverse();
  const page = rows.slice(skip, skip + take).map((r) => requestJson(state, r));
  return json({
    pageInfo: {
      page: Math.floor(skip / take) + 1,
      pages: Math.ceil(rows.length / take),
      results: rows.length,
      pageSize: take,
    },
    results: page,
  });
}

function withUser(ctx: RouteContext, render: (u: SeedUser) => Reply): Reply {
  const user = ctx.state.users.get(ctx.id);
  return user === undefined ? notFound('User') : render(user);
}

const admin =
  (handle: (ctx: RouteContext) => Reply | Promise<Reply>) =>
  (ctx: RouteContext): Reply | Promise<Reply> =>
    hasPermission(ctx.acting, PERM.ADMIN) ? handle(ctx) : forbidden;

const arr = (entry: ArrServerEntry) => ({
  ...entry,
  isDefault: true,
  externalUrl: '',
  syncEnabled: false,
  preventSearch: false,
});

/** Jellyseerr's own routes (Settings → Jellyfin); Overseerr has none (404 as an unknown route). */
const jellyseerrOnly =
  (handle: (ctx: RouteContext) => Reply | Promise<Reply>) =>
  (ctx: RouteContext): Reply | Promise<Reply> =>
    ctx.state.flavor === 'jellyseerr' ? admin(handle)(ctx) : { status: 404, body: { message: 'Not found' } };

/** The endpoints the bot uses (media-requests.md §2.2). */
export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    template: '/status',
    handle: (ctx) =>
      json({
        version: ctx.state.flavor === 'jellyseerr' ? '2.7.3' : '1.34.0',
        commitTag: ctx.state.flavor === 'jellyseerr' ? 'v2.7.3' : 'v1.34.0',
        updateAvailable: false,
        commitsBehind: 0,
        restartRequired: false,
      }),
  },
  { method: 'GET', template: '/auth/me', handle: (ctx) => json(userJson(ctx.acting)) },
  { method: 'GET', template: '/search', handle: search },
  { method: 'GET', template: '/movie/{movieId}', handle: details('movie') },
  { method: 'GET', template: '/tv/{tvId}', handle: details('tv') },
  {
    method: 'GET',
    template: '/user',
    handle: admin((ctx) => {
      const take = num(ctx.url, 'take', 10);
      const skip = Number(ctx.url.searchParams.get('skip') ?? 0);
      const users = [...ctx.state.users.values()];
      // Like real Overseerr, the list carries no notification settings (they are a lazy relation there).
      const results = users.slice(skip, skip + take).map((u) => ({
        ...userJson(u, ctx.state.requests.filter((r) => r.requestedBy === u.id).length),
        settings: undefined,
      }));
      return json({
        pageInfo: { page: Math.floor(skip / take) + 1, pages: Math.ceil(users.length / take), results: users.length },
        results,
      });
    }),
  },
  { method: 'GET', template: '/user/{userId}', handle: (ctx) => withUser(ctx, (u) => json(userJson(u))) },
  {
    method: 'GET',
    template: '/user/{userId}/settings/notifications',
    handle: (ctx) =>
      withUser(ctx, (u) =>
        json({
          emailEnabled: false,
          discordEnabled: true,
          discordEnabledTypes: 0,
          discordId: u.discordId ?? null,
          ...(u.discordIds === undefined ? {} : { discordIds: [...u.discordIds] }),
          telegramEnabled: false,
          telegramChatId: null,
          notificationTypes: {},
        }),
      ),
  },
  {
    method: 'GET',
    template: '/user/{userId}/quota',
    handle: (ctx) =>
      withUser(ctx, (u) =>
        ctx.acting.id === u.id ||
        (hasPermission(ctx.acting, PERM.MANAGE_USERS) && hasPermission(ctx.acting, PERM.MANAGE_REQUESTS))
          ? json({ movie: quotaOf(ctx.state, u, 'movie'), tv: quotaOf(ctx.state, u, 'tv') })
          : forbidden,
      ),
  },
  { method: 'POST', template: '/request', handle: (ctx) => createRequest(ctx.state, ctx.acting, ctx.body ?? {}) },
  { method: 'GET', template: '/request', handle: listRequests },
  {
    method: 'GET',
    template: '/request/{requestId}',
    handle: (ctx) => {
      const r = ctx.state.requests.find((x) => x.id === ctx.id);
      return r === undefined ? notFound('Request') : json(requestJson(ctx.state, r));
    },
  },
  { method: 'POST', template: '/request/{requestId}/{status}', handle: decideRequest },
  { method: 'POST', template: '/issue', handle: createIssue },
  { method: 'GET', template: '/issue', handle: listIssues },
  { method: 'GET', template: '/issue/{issueId}', handle: getIssue },
  { method: 'POST', template: '/issue/{issueId}/comment', handle: commentIssue },
  { method: 'POST', template: '/issue/{issueId}/{status}', handle: setIssueStatus },
  {
    // Used by /e2e cleanup.
    method: 'DELETE',
    template: '/request/{requestId}',
    handle: admin((ctx) => {
      const at = ctx.state.requests.findIndex((x) => x.id === ctx.id);
      if (at < 0) return notFound('Request');
      ctx.state.requests.splice(at, 1);
      return { status: 204 };
    }),
  },
  {
    method: 'DELETE',
    template: '/media/{mediaId}',
    handle: admin((ctx) => {
      const entry = [...ctx.state.media].find(([, m]) => m.id === ctx.id);
      if (entry === undefined) return notFound('Media');
      ctx.state.media.delete(entry[0]);
      return { status: 204 };
    }),
  },
  {
    method: 'GET',
    template: '/settings/main',
    handle: admin((ctx) =>
      json({
        apiKey: SEED_API_KEY,
        applicationTitle: ctx.state.flavor === 'jellyseerr' ? 'Jellyseerr' : 'Overseerr',
        applicationUrl: '',
        trustProxy: false,
        csrfProtection: false,
        hideAvailable: false,
        partialRequestsEnabled: ctx.state.partialRequestsEnabled,
        localLogin: true,
        newPlexLogin: true,
        defaultPermissions: 32,
      }),
    ),
  },
  {
    method: 'GET',
    template: '/settings/radarr',
    handle: admin((ctx) =>
      json(ctx.state.arrServers.radarr.map((e) => ({ ...arr(e), minimumAvailability: 'released' }))),
    ),
  },
  {
    method: 'GET',
    template: '/settings/sonarr',
    handle: admin((ctx) =>
      json(
        ctx.state.arrServers.sonarr.map((e) => ({ ...arr(e), enableSeasonFolders: true, activeLanguageProfileId: 1 })),
      ),
    ),
  },
  { method: 'GET', template: '/settings/jellyfin', handle: jellyseerrOnly((ctx) => jellyfinSettings(ctx.state)) },
  {
    method: 'GET',
    template: '/settings/jellyfin/library',
    handle: jellyseerrOnly((ctx) => jellyfinLibraries(ctx.state, ctx.url)),
  },
  { method: 'GET', template: '/settings/jellyfin/users', handle: jellyseerrOnly((ctx) => jellyfinUsers(ctx.state)) },
  { method: 'POST', template: '/settings/radarr/test', handle: admin((ctx) => testArrServer('radarr', ctx.body)) },
  { method: 'POST', template: '/settings/sonarr/test', handle: admin((ctx) => testArrServer('sonarr', ctx.body)) },
];

/**
 * Finds the route, the numeric path id (`{movieId}`, `{userId}`…) and a second parameter
 * (`{status}`). Literal segments win over parameters (`/issue/1/comment` is not a status).
 */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; id: number; param?: string | undefined } | undefined {
  const literalFirst = [...ROUTES].sort(
    (a, b) => (a.template.match(/\{/g) ?? []).length - (b.template.match(/\{/g) ?? []).length,
  );
  for (const route of literalFirst) {
    if (route.method !== method) continue;
    let first = true;
    const source = route.template.replace(/\{[^}]+\}/g, () => {
      const group = first ? '(\\d+)' : '([^/]+)';
      first = false;
      return group;
    });
    const m = new RegExp(`^${source}$`).exec(path);
    if (m !== null) return { route, id: Number(m[1] ?? 0), param: m[2] };
  }
  return undefined;
}
