import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log.js';
import { bindActionOrigins } from '../../jobs/bind-action-origins.js';
import { postResult } from '../../jobs/post-result.js';
import type { ReportTarget } from '../../jobs/run-scheduled.js';
import { isResolved, type OverseerrIssue } from '../../media/overseerr-issue-schemas.js';
import type { FamilyWebhook } from '../../media/webhook-family.js';
import type { Report } from '../../report/report.js';
import type { RunRecord } from '../../store/run-store.js';
import { issueCard, pendingCard, type MakeButton } from './family-cards.js';
import type { FamilyBackgroundDeps } from './family-deps.js';
import { tellReporter } from './family-issue-sync.js';
import { recipientOf } from './family-tell.js';

/** Who "asked" for a card's run, in run records and logs. */
const overseerrRequester = (platform: ReportTarget['platform']) => ({ platform, id: 'overseerr', name: 'Overseerr' });

/**
 * Posts one card into an operator channel as the root of its own thread, once per run id (the
 * webhook and the poll may both find the same request): clicks on its buttons run in that thread.
 */
async function postCard(
  bg: FamilyBackgroundDeps,
  target: ReportTarget,
  runId: string,
  build: (button: MakeButton) => Promise<Report>,
  log: Logger,
): Promise<void> {
  const chat = bg.chats[target.platform];
  if (chat === undefined) return;
  if ((await bg.runStore.get(runId))?.resultMessage !== undefined) return;
  // One poster at a time per card (webhook job vs poll); the other finds the card posted next time.
  const token = randomUUID();
  const holder = await bg.slots.acquire(`family-card:${runId}`, token, 120);
  if (holder !== undefined && holder !== token) return;
  try {
    const button: MakeButton = async (definition, payload, label, style) => {
      const record = await bg.actionStore.create(
        {
          kind: definition.kind,
          label,
          style,
          payload: definition.payload.parse(payload),
          role: definition.role,
          singleUse: definition.singleUse,
          createdBy: { platform: target.platform, id: 'overseerr' },
          runId,
        },
        bg.actionTtlMs,
      );
      return { id: `act:${record.id}`, label, style };
    };
    const report = await build(button);
    let run = await bg.runStore.get(runId);
    if (run === undefined) {
      const { thread, root } = await chat.openThread(target.channelId, report.title.slice(0, 100), {
        text: `🔔 ${report.title}`,
      });
      const now = new Date().toISOString();
      const record: RunRecord = {
        runId,
        jobId: runId,
        platform: target.platform,
        channelId: thread.channelId,
        threadId: thread.threadId,
        rootMessageId: root.messageId,
        requester: overseerrRequester(target.platform),
        command: report.title,
        status: 'running',
        createdAt: now,
        updatedAt: now,
      };
      await bg.runStore.create(record);
      run = record;
    }
    const posted = await postResult(bindActionOrigins(chat, bg.actionStore), run, report, bg.runStore);
    await bg.runStore.update(posted.runId, { status: 'succeeded' });
  } catch (error) {
    // Let the job's retry (or the next poll) post it without waiting for the lock to expire.
    await bg.slots.replace(`family-card:${runId}`, 'released', 1);
    throw error;
  }
  log.info({ runId, platform: target.platform }, 'family card posted');
}

/** A request waiting for approval → its card in each operator channel (nothing once it is decided). */
export async function postPendingCards(bg: FamilyBackgroundDeps, requestId: number, log: Logger): Promise<void> {
  const r = await bg.family.request(requestId);
  if (r.status !== 1) return;
  for (const target of bg.requestsTargets)
    await postCard(bg, target, `f-pending-${requestId}-${target.platform}`, (b) => pendingCard(bg, r, b), log);
}

/** A reported problem → its card in each issues channel. */
export async function postIssueCards(bg: FamilyBackgroundDeps, issue: OverseerrIssue, log: Logger): Promise<void> {
  for (const target of bg.issuesTargets)
    await postCard(bg, target, `f-issue-${issue.id}-${target.platform}`, (b) => issueCard(bg, issue, b), log);
}

/** Records what the reporter of an existing issue would be told, without telling (the poll's first run). */
async function baseline(bg: FamilyBackgroundDeps, issue: OverseerrIssue): Promise<void> {
  await bg.store.firstTime(`issue-seen:${issue.id}`);
  const to = recipientOf(bg, issue.createdBy);
  if (to === undefined) return;
  const mark = (event: 'ISSUE_COMMENT' | 'ISSUE_RESOLVED', id: number) =>
    bg.store.markNotified({ event, requestId: id, platform: to.platform, userId: to.userId });
  for (const c of (issue.comments ?? []).slice(1)) await mark('ISSUE_COMMENT', c.id);
  if (isResolved(issue)) await mark('ISSUE_RESOLVED', issue.id);
}

/**
 * The backup poll's family part (runs with the availability poll): cards for requests still
 * waiting for approval, cards for new issues, and reporters told about answers and resolves
 * whose webhook was missed. Its first run only records the issues that already exist.
 */
export async function familyPoll(bg: FamilyBackgroundDeps, log: Logger): Promise<void> {
  for (const r of await bg.family.pendingRequests(20)) {
    for (const target of bg.requestsTargets)
      await postCard(bg, target, `f-pending-${r.id}-${target.platform}`, (b) => pendingCard(bg, r, b), log);
  }
  const issues = await bg.family.recentIssues(50);
  if (await bg.store.firstTime('issue-poll-baseline')) {
    for (const issue of issues) await baseline(bg, issue);
    log.info({ baseline: issues.length }, 'issue poll baseline recorded');
    return;
  }
  for (const issue of issues) {
    if ((await bg.store.firstTime(`issue-seen:${issue.id}`)) && !isResolved(issue))
      await postIssueCards(bg, issue, log);
    await tellReporter(bg, issue, log);
  }
}

/** The `media.family` job (MEDIA_PENDING / ISSUE_* webhooks); without an id it looks like the poll does. */
export function familyJobHandler(bg: FamilyBackgroundDeps) {
  return async (job: FamilyWebhook, { log }: { readonly log: Logger }): Promise<void> => {
    if (job.kind === 'pending') {
      if (job.requestId === undefined) await familyPoll(bg, log);
      else await postPendingCards(bg, job.requestId, log);
      return;
    }
    if (job.issueId === undefined) {
      await familyPoll(bg, log);
      return;
    }
    const issue = await bg.family.issue(job.issueId);
    if (job.event === 'ISSUE_CREATED') {
      await bg.store.firstTime(`issue-seen:${issue.id}`);
      await postIssueCards(bg, issue, log);
      return;
    }
    await tellReporter(bg, issue, log);
  };
}
