import type { ActionButton, ActionStyle } from '../../chat/chat-port.js';
import type { ActionSpec } from '../../jobs/processor.js';
import type { NoticeRequest } from '../../media/notify-schemas.js';
import { issueTypeName, type OverseerrIssue } from '../../media/overseerr-issue-schemas.js';
import { quotaText } from '../../media/request-quota.js';
import type { Report } from '../../report/report.js';
import type { FamilyDeps } from './family-deps.js';
import { mediaFacts, problemPlace, seasonsText, userName } from './family-words.js';
import { cardReport } from './media-request-card.js';
import { issueResolve } from './report-command.js';
import { requestApprove, requestDecline } from './request-decide.js';

/** Creates one button's action record (a run job's `ctx.createButton`, or the card poster's own). */
export type MakeButton = (
  definition: ActionSpec,
  payload: Record<string, unknown>,
  label: string,
  style: ActionStyle,
) => Promise<ActionButton>;

const problemNames = { video: 'Video', audio: 'Audio', subtitles: 'Subtitles', other: 'Other' } as const;

/**
 * The card of a request waiting for approval: poster, who asked, seasons, 4K, the requester's
 * remaining quota, and ✅ Approve / 🚫 Decline (operator only, single-use).
 */
export async function pendingCard(deps: FamilyDeps, r: NoticeRequest, button: MakeButton): Promise<Report> {
  const facts = await mediaFacts(deps, r.type, r.media.tmdbId).catch(() => undefined);
  const title = `${facts?.title ?? `TMDB ${r.media.tmdbId}`}${r.is4k === true ? ' (4K)' : ''}`;
  const requester = userName(deps.people, r.requestedBy);
  const seasons = seasonsText(r);
  const cost = r.type === 'tv' ? Math.max(1, (r.seasons ?? []).length) : 1;
  const quota =
    r.requestedBy === undefined
      ? undefined
      : quotaText(await deps.client.quota(r.requestedBy.id).catch(() => undefined), r.type, cost);
  const payload = { requestId: r.id, title };
  const actions = [
    await button(requestApprove, { ...payload, decision: 'approve' }, '✅ Approve', 'success'),
    await button(requestDecline, { ...payload, decision: 'decline' }, '🚫 Decline', 'danger'),
  ];
  const base = cardReport({
    title: `Waiting for approval: ${title}`,
    overview: facts?.overview,
    posterPath: facts?.posterPath,
    status: 'waiting for your approval',
    question: `${requester} asked for ${title}. Approve or decline?`,
  });
  return {
    ...base,
    fields: [
      { name: 'Requested by', value: requester },
      ...(seasons === undefined ? [] : [{ name: 'Seasons', value: seasons }]),
      { name: '4K', value: r.is4k === true ? 'yes' : 'no' },
      ...(quota === undefined ? [] : [{ name: `${requester}'s quota`, value: quota }]),
      ...(base.fields ?? []).filter((f) => f.name === 'Poster'),
      { name: 'Request', value: `#${r.id}${r.createdAt === undefined ? '' : `, asked ${r.createdAt.slice(0, 10)}`}` },
    ],
    actions,
  };
}

/** The card of a reported problem: what, where, who, the message, and ✅ Resolve (operator only, once). */
export async function issueCard(deps: FamilyDeps, issue: OverseerrIssue, button: MakeButton): Promise<Report> {
  const type = issue.media?.mediaType === 'tv' ? 'tv' : 'movie';
  const tmdbId = issue.media?.tmdbId;
  const facts = tmdbId === undefined ? undefined : await mediaFacts(deps, type, tmdbId).catch(() => undefined);
  const title = facts?.title ?? `issue #${issue.id}`;
  const reporter = userName(deps.people, issue.createdBy);
  const message = issue.comments?.[0]?.message ?? '';
  return {
    title: `Problem reported: ${title}`,
    status: 'warning',
    summary: `${reporter} reports: "${message}"`,
    fields: [
      { name: 'Problem', value: problemNames[issueTypeName(issue.issueType)] },
      ...(type === 'tv' ? [{ name: 'Where', value: problemPlace(issue) }] : []),
      { name: 'Reported by', value: reporter },
      { name: 'Issue', value: `#${issue.id}` },
    ],
    lines: [
      `Answer with /issue comment issue:${issue.id} message:<text> (add resolve to close it); ${reporter} gets your answer.`,
    ],
    actions: [await button(issueResolve, { issueId: issue.id, title }, '✅ Resolve', 'success')],
  };
}
