import type { Reply } from './overseerr-create.js';
import { mediaJson, requestJson, userJson, type Json } from './overseerr-json.js';
import { PERM } from './overseerr-seed.js';
import { ensureMedia, hasPermission, type OverseerrState, type StoredIssue } from './overseerr-state.js';
import type { RouteContext } from './overseerr-routes.js';

/**
 * Request moderation and issues as server/routes/request.ts and server/routes/issue.ts do them
 * (Jellyseerr's routes are the same). Every change queues the notification the webhook agent sends.
 */

const msg = (status: number, message: string): Reply => ({ status, body: { message } });
const forbidden = msg(403, 'You do not have permission to access this endpoint.');

/** `Issue` as the server serialises it (comments and users eager-loaded). */
export function issueJson(state: OverseerrState, i: StoredIssue): Json {
  const title = state.titles.get(i.tmdbId);
  const user = (id: number) => {
    const u = state.users.get(id);
    return u === undefined ? undefined : userJson(u);
  };
  const media = title === undefined ? undefined : mediaJson(state, title, false);
  return {
    id: i.id,
    issueType: i.issueType,
    status: i.status,
    problemSeason: i.problemSeason,
    problemEpisode: i.problemEpisode,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    ...(media === undefined ? {} : { media }),
    createdBy: user(i.createdBy),
    modifiedBy: user(i.modifiedBy),
    comments: i.comments.map((c) => ({
      id: c.id,
      user: user(c.userId),
      message: c.message,
      createdAt: c.createdAt,
      updatedAt: c.createdAt,
    })),
  };
}

/** `POST /request/{requestId}/{status}`: MANAGE_REQUESTS; approve → 2 (media processing), decline → 3. */
export function decideRequest(ctx: RouteContext): Reply {
  if (!hasPermission(ctx.acting, PERM.MANAGE_REQUESTS)) return forbidden;
  const r = ctx.state.requests.find((x) => x.id === ctx.id);
  if (r === undefined) return msg(404, 'Request not found.');
  const decision = ctx.param;
  if (decision !== 'approve' && decision !== 'decline') return msg(400, 'Invalid status.');
  r.status = decision === 'approve' ? 2 : 3;
  r.modifiedBy = ctx.acting.id;
  const media = ensureMedia(ctx.state, r.tmdbId);
  const mediaStatus = decision === 'approve' ? 3 : 1;
  if (r.is4k) media.status4k = mediaStatus;
  else media.status = mediaStatus;
  ctx.state.events.push({ type: decision === 'approve' ? 'MEDIA_APPROVED' : 'MEDIA_DECLINED', requestId: r.id });
  return { status: 200, body: requestJson(ctx.state, r) };
}

const numberField = (body: Record<string, unknown>, key: string): number | undefined => {
  const v = body[key];
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
};

/** `POST /issue`: CREATE_ISSUES (or MANAGE_ISSUES); `mediaId` is Overseerr's media id. */
export function createIssue(ctx: RouteContext): Reply {
  if (!hasPermission(ctx.acting, PERM.CREATE_ISSUES | PERM.MANAGE_ISSUES)) return forbidden;
  const body = (typeof ctx.body === 'object' && ctx.body !== null ? ctx.body : {}) as Record<string, unknown>;
  const issueType = numberField(body, 'issueType');
  const mediaId = numberField(body, 'mediaId');
  const message = body['message'];
  if (issueType === undefined || issueType < 1 || issueType > 4 || mediaId === undefined || typeof message !== 'string')
    return msg(400, 'issueType (1-4), message and mediaId are required.');
  const entry = [...ctx.state.media].find(([, m]) => m.id === mediaId);
  if (entry === undefined) return msg(404, 'Media does not exist.');
  const now = ctx.state.now().toISOString();
  const issue: StoredIssue = {
    id: ctx.state.nextId++,
    issueType,
    status: 1,
    tmdbId: entry[0],
    problemSeason: numberField(body, 'problemSeason') ?? 0,
    problemEpisode: numberField(body, 'problemEpisode') ?? 0,
    createdBy: ctx.acting.id,
    modifiedBy: ctx.acting.id,
    // The server stores the message as the first comment.
    comments: [{ id: ctx.state.nextId++, userId: ctx.acting.id, message, createdAt: now }],
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.issues.push(issue);
  ctx.state.events.push({ type: 'ISSUE_CREATED', issueId: issue.id });
  return { status: 201, body: issueJson(ctx.state, issue) };
}

const visible = (ctx: RouteContext, i: StoredIssue): boolean =>
  hasPermission(ctx.acting, PERM.MANAGE_ISSUES | PERM.VIEW_ISSUES) || i.createdBy === ctx.acting.id;

export function getIssue(ctx: RouteContext): Reply {
  const i = ctx.state.issues.find((x) => x.id === ctx.id);
  if (i === undefined || !visible(ctx, i)) return msg(404, 'Issue not found.');
  return { status: 200, body: issueJson(ctx.state, i) };
}

/** `GET /issue?take&skip&sort=added|modified&filter=all|open|resolved`. */
export function listIssues(ctx: RouteContext): Reply {
  const take = Number(ctx.url.searchParams.get('take') ?? 20) || 20;
  const skip = Number(ctx.url.searchParams.get('skip') ?? 0);
  const filter = ctx.url.searchParams.get('filter') ?? 'open';
  const sort = ctx.url.searchParams.get('sort') ?? 'added';
  const rows = ctx.state.issues
    .filter((i) => visible(ctx, i))
    .filter((i) => filter === 'all' || (filter === 'open' ? i.status === 1 : i.status === 2))
    .sort((a, b) =>
      sort === 'modified' ? Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.id - a.id : b.id - a.id,
    );
  return {
    status: 200,
    body: {
      pageInfo: { page: Math.floor(skip / take) + 1, pages: Math.ceil(rows.length / take), results: rows.length },
      results: rows.slice(skip, skip + take).map((i) => issueJson(ctx.state, i)),
    },
  };
}

/** `POST /issue/{issueId}/comment`: the reporter or a manager. */
export function commentIssue(ctx: RouteContext): Reply {
  const i = ctx.state.issues.find((x) => x.id === ctx.id);
  if (i === undefined) return msg(404, 'Issue not found.');
  if (i.createdBy !== ctx.acting.id && !hasPermission(ctx.acting, PERM.MANAGE_ISSUES)) return forbidden;
  const message = (ctx.body as { message?: unknown } | undefined)?.message;
  if (typeof message !== 'string' || message.trim() === '') return msg(400, 'message is required.');
  const now = ctx.state.now().toISOString();
  const comment = { id: ctx.state.nextId++, userId: ctx.acting.id, message, createdAt: now };
  i.comments.push(comment);
  i.updatedAt = now;
  ctx.state.events.push({ type: 'ISSUE_COMMENT', issueId: i.id, commentId: comment.id });
  return { status: 200, body: issueJson(ctx.state, i) };
}

/** `POST /issue/{issueId}/{status}` (open | resolved): MANAGE_ISSUES. */
export function setIssueStatus(ctx: RouteContext): Reply {
  if (!hasPermission(ctx.acting, PERM.MANAGE_ISSUES)) return forbidden;
  const i = ctx.state.issues.find((x) => x.id === ctx.id);
  if (i === undefined) return msg(404, 'Issue not found.');
  if (ctx.param !== 'open' && ctx.param !== 'resolved') return msg(400, 'Invalid status.');
  const next = ctx.param === 'resolved' ? 2 : 1;
  const changed = i.status !== next;
  i.status = next;
  i.modifiedBy = ctx.acting.id;
  i.updatedAt = ctx.state.now().toISOString();
  if (changed) ctx.state.events.push({ type: next === 2 ? 'ISSUE_RESOLVED' : 'ISSUE_REOPENED', issueId: i.id });
  return { status: 200, body: issueJson(ctx.state, i) };
}
