import { callOverseerr, type OverseerrHttpOptions } from './overseerr-http.js';
import { expectOk } from './overseerr-reply.js';
import {
  issuePageSchema,
  issueSchema,
  issueTypes,
  type IssueTypeName,
  type OverseerrIssue,
} from './overseerr-issue-schemas.js';
import { noticeRequestPageSchema, noticeRequestSchema, type NoticeRequest } from './notify-schemas.js';

/** A new issue, filed as `asUser` (the reporter's own Overseerr user). */
export interface NewIssue {
  /** Overseerr's own media id (`mediaInfo.id`), not the TMDB id. */
  readonly mediaId: number;
  readonly type: IssueTypeName;
  readonly message: string;
  /** Series only; 0 = every season / episode. */
  readonly season?: number;
  readonly episode?: number;
  readonly asUser: number;
}

/**
 * The request moderation and issue calls of the family loop. The paths and bodies are the same in
 * Overseerr and Jellyseerr (shared/contracts overseerr-api.yml and jellyseerr-api.yml define
 * `POST /request/{requestId}/{status}`, `/issue`, `/issue/{issueId}`, `/issue/{issueId}/comment`
 * and `/issue/{issueId}/{status}` identically), so one implementation serves both flavours.
 */
export interface FamilyOverseerr {
  /** Pending requests (status 1), oldest first. */
  pendingRequests(take: number): Promise<NoticeRequest[]>;
  request(requestId: number): Promise<NoticeRequest>;
  /** Approve or decline; `asUser` is the deciding operator's Overseerr user when one is mapped. */
  decide(requestId: number, decision: 'approve' | 'decline', asUser?: number): Promise<NoticeRequest>;
  createIssue(input: NewIssue): Promise<OverseerrIssue>;
  issue(issueId: number): Promise<OverseerrIssue>;
  /** The most recently modified issues, open and resolved. */
  recentIssues(take: number): Promise<OverseerrIssue[]>;
  comment(issueId: number, message: string, asUser?: number): Promise<OverseerrIssue>;
  setIssueStatus(issueId: number, status: 'open' | 'resolved', asUser?: number): Promise<OverseerrIssue>;
}

const as = (asUser: number | undefined) => (asUser === undefined ? {} : { asUser });

export function createFamilyOverseerr(options: OverseerrHttpOptions): FamilyOverseerr {
  const call = (
    method: 'GET' | 'POST',
    path: string,
    extra: { query?: Record<string, string | number>; body?: unknown; asUser?: number } = {},
  ) => callOverseerr(options, { method, path, ...extra });
  return {
    pendingRequests: async (take) => {
      const query = { take, skip: 0, filter: 'pending', sort: 'added' };
      const page = expectOk(await call('GET', '/request', { query }), noticeRequestPageSchema, 'request list');
      // Overseerr sorts newest first; the operator works through them oldest first.
      return [...page.results].sort(
        (a, b) => Date.parse(a.createdAt ?? '') - Date.parse(b.createdAt ?? '') || a.id - b.id,
      );
    },
    request: async (id) => expectOk(await call('GET', `/request/${id}`), noticeRequestSchema, 'request'),
    decide: async (id, decision, asUser) =>
      expectOk(await call('POST', `/request/${id}/${decision}`, as(asUser)), noticeRequestSchema, 'request decision'),
    createIssue: async (i) => {
      const body = {
        issueType: issueTypes[i.type],
        message: i.message,
        mediaId: i.mediaId,
        ...(i.season === undefined ? {} : { problemSeason: i.season }),
        ...(i.episode === undefined ? {} : { problemEpisode: i.episode }),
      };
      return expectOk(await call('POST', '/issue', { body, asUser: i.asUser }), issueSchema, 'issue');
    },
    issue: async (id) => expectOk(await call('GET', `/issue/${id}`), issueSchema, 'issue'),
    recentIssues: async (take) => {
      const query = { take, skip: 0, sort: 'modified', filter: 'all' };
      return expectOk(await call('GET', '/issue', { query }), issuePageSchema, 'issue list').results;
    },
    comment: async (id, message, asUser) =>
      expectOk(
        await call('POST', `/issue/${id}/comment`, { body: { message }, ...as(asUser) }),
        issueSchema,
        'issue comment',
      ),
    setIssueStatus: async (id, status, asUser) =>
      expectOk(await call('POST', `/issue/${id}/${status}`, as(asUser)), issueSchema, 'issue status'),
  };
}
