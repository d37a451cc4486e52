import { ExternalError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { isResolved, type OverseerrIssue } from '../../media/overseerr-issue-schemas.js';
import { resolveOverseerrUser } from '../../media/resolve-overseerr-user.js';
import type { Report } from '../../report/report.js';
import type { RunRecord } from '../../store/run-store.js';
import type { FamilyDeps } from './family-deps.js';
import { tellReporter } from './family-issue-sync.js';
import { mediaFacts, userName } from './family-words.js';
import type { Processor } from './jobs.js';
import { lookupFailure } from './media-request-reports.js';

async function titleOf(deps: FamilyDeps, issue: OverseerrIssue): Promise<string> {
  const tmdbId = issue.media?.tmdbId;
  if (tmdbId === undefined) return `issue #${issue.id}`;
  const type = issue.media?.mediaType === 'tv' ? 'tv' : 'movie';
  return (await mediaFacts(deps, type, tmdbId).catch(() => undefined))?.title ?? `issue #${issue.id}`;
}

/** Loads the issue; a missing one is a plain answer. */
async function loadIssue(deps: FamilyDeps, issueId: number): Promise<{ issue: OverseerrIssue } | { refusal: Report }> {
  try {
    return { issue: await deps.family.issue(issueId) };
  } catch (error) {
    if (error instanceof ExternalError && error.code === 'overseerr-not-found')
      return {
        refusal: {
          title: `Issue #${issueId}`,
          status: 'warning',
          summary: `Overseerr has no issue #${issueId}; check the number on the report card.`,
        },
      };
    return { refusal: lookupFailure(error) };
  }
}

const forbidden = (what: string): Report => ({
  title: 'Not allowed in Overseerr',
  status: 'failed',
  summary: `Overseerr did not let your account ${what}, so nothing changed. Give it the "Manage Issues" permission in Overseerr → Users.`,
});

async function record(
  deps: FamilyDeps,
  event: 'issue-commented' | 'issue-resolved',
  who: { readonly platform: RunRecord['platform']; readonly id: string; readonly name?: string | undefined },
  issueId: number,
  title: string,
  log: Logger,
): Promise<void> {
  await deps.trail?.record({ event, who, pr: issueId, stack: 'media', service: title }).catch((error: unknown) => {
    log.warn({ err: error }, 'audit trail entry failed');
  });
}

const heard = (deps: FamilyDeps, issue: OverseerrIssue, told: number): string =>
  told > 0
    ? `${userName(deps.people, issue.createdBy)} was told.`
    : `${userName(deps.people, issue.createdBy)} is not linked to chat here; Overseerr notifies them.`;

/** `/issue comment`: answers as the operator's own Overseerr user; `resolve` also closes it. */
export function mediaIssueComment(deps: FamilyDeps): Processor<'media.issue-comment'> {
  return async (job, ctx) => {
    const { issue: issueId, message, resolve } = job.options;
    const loaded = await loadIssue(deps, issueId);
    if ('refusal' in loaded) return loaded.refusal;
    const title = await titleOf(deps, loaded.issue);
    const operator = await resolveOverseerrUser(job.requester, deps.people, deps.client).catch(() => undefined);
    let issue: OverseerrIssue;
    try {
      issue = await deps.family.comment(issueId, message, operator?.overseerrUserId);
      await record(deps, 'issue-commented', job.requester, issueId, title, ctx.log);
      if (resolve === true && !isResolved(issue)) {
        issue = await deps.family.setIssueStatus(issueId, 'resolved', operator?.overseerrUserId);
        await record(deps, 'issue-resolved', job.requester, issueId, title, ctx.log);
      }
    } catch (error) {
      if (error instanceof ExternalError && error.code === 'overseerr-forbidden') return forbidden('answer issues');
      return lookupFailure(error);
    }
    const told = await tellReporter(deps, issue, ctx.log);
    return {
      title: `Issue #${issueId}: ${title}`,
      status: 'ok',
      summary: `💬 Answer sent${resolve === true ? ' and the problem marked fixed' : ''}. ${heard(deps, issue, told)}`,
    };
  };
}

/** ✅ Resolve: re-checked (already fixed → nothing done), resolved as the operator, the reporter told. */
export function mediaIssueResolve(deps: FamilyDeps): Processor<'media.issue-resolve'> {
  return async (job, ctx) => {
    const { issueId, title } = job.payload;
    const loaded = await loadIssue(deps, issueId);
    if ('refusal' in loaded) return loaded.refusal;
    if (isResolved(loaded.issue))
      return {
        title,
        status: 'warning',
        summary: `The problem with ${title} is already marked fixed, so I did nothing.`,
      };
    const operator = await resolveOverseerrUser(job.requester, deps.people, deps.client).catch(() => undefined);
    let issue: OverseerrIssue;
    try {
      issue = await deps.family.setIssueStatus(issueId, 'resolved', operator?.overseerrUserId);
    } catch (error) {
      if (error instanceof ExternalError && error.code === 'overseerr-forbidden') return forbidden('resolve issues');
      return lookupFailure(error);
    }
    await record(deps, 'issue-resolved', job.requester, issueId, title, ctx.log);
    const told = await tellReporter(deps, issue, ctx.log);
    return { title, status: 'ok', summary: `✅ Marked the problem with ${title} fixed. ${heard(deps, issue, told)}` };
  };
}
