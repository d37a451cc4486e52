import type { Logger } from '../../log.js';
import { isResolved, type OverseerrIssue } from '../../media/overseerr-issue-schemas.js';
import type { FamilyDeps } from './family-deps.js';
import { recipientOf, tellOnce } from './family-tell.js';
import { mediaFacts, userName } from './family-words.js';

/**
 * Tells the reporter what changed on their issue since they were last told: each comment by
 * someone else (once per comment), a resolve, a reopen after a resolve. The same diff serves the
 * chat commands, the ISSUE_* webhooks and the poll, so nobody hears anything twice.
 */
export async function tellReporter(deps: FamilyDeps, issue: OverseerrIssue, log: Logger): Promise<number> {
  const reporter = issue.createdBy;
  const to = recipientOf(deps, reporter);
  if (reporter === undefined || to === undefined) return 0;
  const type = issue.media?.mediaType === 'tv' ? 'tv' : 'movie';
  const tmdbId = issue.media?.tmdbId;
  // Looked up only when something is due (the poll runs this for every recent issue).
  let titleOnce: Promise<string> | undefined;
  const title = (): Promise<string> =>
    (titleOnce ??=
      tmdbId === undefined
        ? Promise.resolve('the title you reported')
        : mediaFacts(deps, type, tmdbId).then(
            (f) => f.title,
            () => 'the title you reported',
          ));
  let told = 0;
  // The first comment is the report itself.
  for (const c of (issue.comments ?? []).slice(1)) {
    if (c.user?.id === reporter.id) continue;
    const text = async () => ({
      text: `💬 ${userName(deps.people, c.user)} answered your problem report about ${await title()}: "${c.message ?? ''}"`,
    });
    if (await tellOnce(deps, to, { event: 'ISSUE_COMMENT', id: c.id }, text, log)) told += 1;
  }
  const key = (event: 'ISSUE_RESOLVED' | 'ISSUE_REOPENED') => ({
    event,
    requestId: issue.id,
    platform: to.platform,
    userId: to.userId,
  });
  if (isResolved(issue)) {
    const text = async () => ({
      text: `✅ The problem you reported with ${await title()} is marked fixed. If it still happens, use /report again.`,
    });
    if (await tellOnce(deps, to, { event: 'ISSUE_RESOLVED', id: issue.id }, text, log)) told += 1;
    await deps.store.forgetNotice(key('ISSUE_REOPENED'));
  } else if (await deps.store.isNotified(key('ISSUE_RESOLVED'))) {
    const text = async () => ({
      text: `🔁 The problem you reported with ${await title()} was reopened; the operator is looking at it again.`,
    });
    if (await tellOnce(deps, to, { event: 'ISSUE_REOPENED', id: issue.id }, text, log)) told += 1;
    await deps.store.forgetNotice(key('ISSUE_RESOLVED'));
  }
  return told;
}
