import type { Forge, PullRequest } from '../../forge/forge.js';
import type { AuditTrailStore, TrailEntry } from '../../store/audit-trail-store.js';
import { landRevert, laterMerges, laterName, type LaterMerge } from './land-revert.js';
import { withClone } from './with-clone.js';

export interface RevertInput {
  readonly pr: number;
  readonly stack: string;
  readonly service: string;
  readonly requester: TrailEntry['who'];
}

export type RevertOutcome =
  | {
      readonly kind: 'reverted';
      readonly branch: string;
      readonly revertSha: string;
      readonly revertPr?: PullRequest;
      readonly landedSha: string;
    }
  | {
      readonly kind: 'refused';
      readonly code: string;
      readonly message: string;
      /** With `revert-conflict`: the later overlapping merges, newest first (revert them first). */
      readonly later?: readonly LaterMerge[];
    };

export interface RevertDeps {
  readonly forge: Forge;
  readonly trail: AuditTrailStore;
  readonly tmpDir: string;
}

const short = (sha: string): string => sha.slice(0, 12);

/**
 * FR-4.6: undoes a merged remediation PR with `git revert -m 1 <merge>` in a private clone, pushed
 * as `revert/<branch>`; on GitHub a PR is opened and merged (sha-guarded), with plain git the revert
 * is pushed to the target branch. The target's tree then equals its tree before the merge.
 */
export async function revertRemediation(deps: RevertDeps, input: RevertInput): Promise<RevertOutcome> {
  const pr = await deps.forge.getPullRequest(input.pr);
  if (pr.state !== 'merged' || pr.mergeSha === undefined) {
    const message = `PR #${input.pr} is ${pr.state}, not merged, so there is nothing to revert.`;
    await deps.trail.record({
      event: 'refused',
      who: input.requester,
      pr: input.pr,
      stack: input.stack,
      service: input.service,
      headSha: pr.headSha,
      reason: `not-merged: ${message}`,
    });
    return { kind: 'refused', code: 'not-merged', message };
  }
  const mergeSha = pr.mergeSha;
  const branch = `revert/${pr.headBranch}`;
  const landed = await withClone(deps.forge.remote, pr.baseBranch, deps.tmpDir, async (clone) => {
    try {
      await clone.git(['revert', '-m', '1', '--no-edit', mergeSha]);
    } catch {
      await clone.git(['revert', '--abort']).catch(() => '');
      return { later: await laterMerges(clone, mergeSha) };
    }
    return landRevert(deps, clone, {
      branch,
      base: pr.baseBranch,
      title: `Revert "${pr.title}"`,
      body: `Reverts #${input.pr} (merge ${mergeSha}), requested in chat by ${input.requester.name ?? input.requester.id}.`,
    });
  });
  if ('later' in landed) {
    const names =
      landed.later.length === 0 ? 'later changes to the same lines' : landed.later.map(laterName).join('; ');
    const message = `PR #${input.pr} cannot be reverted cleanly: later merges changed the same lines (newest first: ${names}). Revert those first, newest first, then this one${landed.later.every((m) => m.pr !== undefined) && landed.later.length > 0 ? ` (${[...landed.later.map((m) => `#${String(m.pr)}`), `#${String(input.pr)}`].join(', then ')}; the "Revert in order" button does exactly that)` : ''}. Nothing was pushed.`;
    await deps.trail.record({
      event: 'refused',
      who: input.requester,
      pr: input.pr,
      stack: input.stack,
      service: input.service,
      headSha: pr.headSha,
      reason: `revert-conflict: ${message}`,
    });
    return { kind: 'refused', code: 'revert-conflict', message, later: landed.later };
  }
  const { revertSha: pushed, landedSha, revertPr } = landed;
  await deps.forge.comment(
    input.pr,
    `Reverted by ${input.requester.name ?? input.requester.id} (${input.requester.platform}): ${revertPr === undefined ? `revert ${short(pushed)} pushed to ${pr.baseBranch}` : `PR #${revertPr.number} merged as ${landedSha}`}.`,
  );
  await deps.trail.record({
    event: 'reverted',
    who: input.requester,
    pr: input.pr,
    stack: input.stack,
    service: input.service,
    branch,
    mergeSha,
    revertSha: landedSha,
  });
  return { kind: 'reverted', branch, revertSha: pushed, landedSha, ...(revertPr === undefined ? {} : { revertPr }) };
}
