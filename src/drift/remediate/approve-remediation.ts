import type { Forge, PullRequest } from '../../forge/forge.js';
import { isForgeError } from '../../forge/forge-error.js';
import type { AuditTrailStore, TrailEntry } from '../../store/audit-trail-store.js';
import { describeHeadChange } from './describe-head-change.js';

/** One Approve click, with what the approver saw. */
export interface ApproveInput {
  readonly pr: number;
  /** The head sha shown in chat when the PR was opened. */
  readonly headSha: string;
  readonly stack: string;
  readonly service: string;
  /** The action id of the clicked button (the merge claimant). */
  readonly actionId: string;
  readonly approver: TrailEntry['who'];
}

export type ApproveOutcome =
  | { readonly kind: 'merged'; readonly pr: PullRequest; readonly mergeSha: string }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string; readonly currentHeadSha?: string };

export interface ApproveDeps {
  readonly forge: Forge;
  readonly trail: AuditTrailStore;
  readonly tmpDir: string;
}

const short = (sha: string): string => sha.slice(0, 12);

async function refuse(deps: ApproveDeps, input: ApproveInput, code: string, message: string): Promise<ApproveOutcome> {
  await deps.trail.record({
    event: 'refused',
    who: input.approver,
    pr: input.pr,
    stack: input.stack,
    service: input.service,
    headSha: input.headSha,
    reason: `${code}: ${message}`,
  });
  return { kind: 'refused', code, message };
}

async function headMoved(
  deps: ApproveDeps,
  input: ApproveInput,
  pr: PullRequest,
  current: string,
): Promise<ApproveOutcome> {
  const change = await describeHeadChange(deps.forge.remote, pr.headBranch, input.headSha, current, deps.tmpDir);
  const refused = await refuse(
    deps,
    input,
    'head-moved',
    `PR #${input.pr} changed after it was shown: its head is now ${short(current)}, not ${short(input.headSha)}. Nothing was merged.\n${change}`,
  );
  return refused.kind === 'refused' && /^[0-9a-f]{40}$/.test(current)
    ? { ...refused, currentHeadSha: current }
    : refused;
}

/**
 * FR-4.5: merges the PR only if its head is still the sha shown in chat. Exactly one merge per PR
 * and sha however many Approve buttons are clicked (Redis claim + the forge's sha guard). The merge
 * commit and approver are commented on the PR; every outcome goes to the audit trail.
 */
export async function approveRemediation(deps: ApproveDeps, input: ApproveInput): Promise<ApproveOutcome> {
  const pr = await deps.forge.getPullRequest(input.pr);
  const claim = await deps.trail.claimMerge(input.pr, input.headSha, input.actionId);
  if (!claim.won)
    return refuse(
      deps,
      input,
      'already-approved',
      `PR #${input.pr} was already approved with another button, so it was not merged again${pr.mergeSha === undefined ? '' : ` (merge ${short(pr.mergeSha)})`}.`,
    );
  if (pr.state === 'merged' && pr.mergeSha !== undefined && pr.headSha === input.headSha) {
    return { kind: 'merged', pr, mergeSha: pr.mergeSha };
  }
  if (pr.state !== 'open')
    return refuse(deps, input, 'not-open', `PR #${input.pr} is ${pr.state}, so there is nothing to approve.`);
  if (pr.headSha !== input.headSha) return headMoved(deps, input, pr, pr.headSha);
  let mergeSha: string;
  try {
    mergeSha = (
      await deps.forge.merge(input.pr, {
        expectedHeadSha: input.headSha,
        commitTitle: `Merge pull request #${input.pr} from ${pr.headBranch}`,
        commitMessage: pr.title,
      })
    ).mergeSha;
  } catch (error) {
    if (isForgeError(error, 'head-moved')) return headMoved(deps, input, pr, error.details.currentHeadSha ?? 'unknown');
    if (isForgeError(error, 'already-merged') && error.details.mergeSha !== undefined)
      mergeSha = error.details.mergeSha;
    else if (isForgeError(error, 'not-mergeable'))
      return refuse(deps, input, 'not-mergeable', `PR #${input.pr} cannot be merged: ${error.message}`);
    else throw error;
  }
  const who = input.approver.name ?? input.approver.id;
  await deps.forge.comment(
    input.pr,
    `Approved by ${who} (${input.approver.platform}) in chat; merged as ${mergeSha} (head ${input.headSha}).`,
  );
  await deps.trail.record({
    event: 'approved',
    who: input.approver,
    pr: input.pr,
    stack: input.stack,
    service: input.service,
    branch: pr.headBranch,
    headSha: input.headSha,
  });
  await deps.trail.record({
    event: 'merged',
    who: input.approver,
    pr: input.pr,
    stack: input.stack,
    service: input.service,
    branch: pr.headBranch,
    headSha: input.headSha,
    mergeSha,
  });
  return { kind: 'merged', pr: await deps.forge.getPullRequest(input.pr), mergeSha };
}
