import type { PullRequest } from '../../forge/forge.js';
import type { TrailEntry } from '../../store/audit-trail-store.js';
import { landRevert } from './land-revert.js';
import type { RevertDeps, RevertOutcome } from './revert-remediation.js';
import { withClone } from './with-clone.js';

export interface RevertChainInput {
  /** Merged PRs to revert, in this order (newest first; the one asked for last). */
  readonly prs: readonly number[];
  readonly stack: string;
  readonly service: string;
  readonly requester: TrailEntry['who'];
}

async function refuse(
  deps: RevertDeps,
  input: RevertChainInput,
  code: string,
  message: string,
): Promise<RevertOutcome> {
  await deps.trail.record({
    event: 'refused',
    who: input.requester,
    pr: input.prs.at(-1) ?? 0,
    stack: input.stack,
    service: input.service,
    reason: `${code}: ${message}`,
  });
  return { kind: 'refused', code, message };
}

/**
 * Reverts several merged remediation PRs in order (newest first) as one change: every
 * `git revert -m 1` is made in one private clone, and only when all apply cleanly is the result
 * pushed (`revert/<branch of the last PR>`; plain git: to the base branch, GitHub: one PR merged
 * sha-guarded). A conflict anywhere refuses the whole sequence with nothing pushed.
 */
export async function revertInOrder(deps: RevertDeps, input: RevertChainInput): Promise<RevertOutcome> {
  const prs: PullRequest[] = [];
  for (const n of input.prs) prs.push(await deps.forge.getPullRequest(n));
  const open = prs.find((p) => p.state !== 'merged' || p.mergeSha === undefined);
  if (open !== undefined)
    return refuse(
      deps,
      input,
      'not-merged',
      `PR #${String(open.number)} is ${open.state}, not merged: nothing was reverted.`,
    );
  const last = prs.at(-1);
  if (last === undefined) return refuse(deps, input, 'not-merged', 'No pull request to revert.');
  const names = prs.map((p) => `#${String(p.number)}`).join(', ');
  const branch = `revert/${last.headBranch}`;
  const landed = await withClone(deps.forge.remote, last.baseBranch, deps.tmpDir, async (clone) => {
    for (const p of prs) {
      try {
        await clone.git(['revert', '-m', '1', '--no-edit', p.mergeSha ?? '']);
      } catch {
        await clone.git(['revert', '--abort']).catch(() => '');
        return { conflict: p.number };
      }
    }
    return landRevert(deps, clone, {
      branch,
      base: last.baseBranch,
      title: `Revert ${names}`,
      body: `Reverts ${names} in this order (newest first), requested in chat by ${input.requester.name ?? input.requester.id}.`,
    });
  });
  if ('conflict' in landed)
    return refuse(
      deps,
      input,
      'revert-conflict',
      `Reverting ${names} in order stops at PR #${String(landed.conflict)}: it conflicts with what is on ${last.baseBranch} now. Nothing was pushed.`,
    );
  const via =
    landed.revertPr === undefined
      ? `pushed to ${last.baseBranch} as ${landed.landedSha}`
      : `PR #${String(landed.revertPr.number)} merged as ${landed.landedSha}`;
  for (const p of prs) {
    await deps.forge.comment(
      p.number,
      `Reverted with ${names} by ${input.requester.name ?? input.requester.id}: ${via}.`,
    );
    await deps.trail.record({
      event: 'reverted',
      who: input.requester,
      pr: p.number,
      stack: input.stack,
      service: input.service,
      branch,
      mergeSha: p.mergeSha ?? '',
      revertSha: landed.landedSha,
    });
  }
  return {
    kind: 'reverted',
    branch,
    revertSha: landed.revertSha,
    landedSha: landed.landedSha,
    ...(landed.revertPr === undefined ? {} : { revertPr: landed.revertPr }),
  };
}
