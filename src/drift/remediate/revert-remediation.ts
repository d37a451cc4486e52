import type { Forge, PullRequest } from '../../forge/forge.js';
import type { AuditTrailStore, TrailEntry } from '../../store/audit-trail-store.js';
import { REMEDIATION_LABEL } from './open-remediation.js';
import { withClone, type Clone } from './with-clone.js';

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
  | { readonly kind: 'refused'; readonly code: string; readonly message: string };

export interface RevertDeps {
  readonly forge: Forge;
  readonly trail: AuditTrailStore;
  readonly tmpDir: string;
}

const short = (sha: string): string => sha.slice(0, 12);

/** Merges after `mergeSha` that touched the files it changed, newest first (`<sha12> <subject>`). */
async function laterMerges(clone: Clone, mergeSha: string): Promise<string[]> {
  const files = (await clone.git(['diff', '--name-only', `${mergeSha}^1`, mergeSha]))
    .split('\n')
    .filter((f) => f !== '');
  if (files.length === 0) return [];
  const log = await clone.git(['log', '--merges', '--first-parent', '--format=%H %s', `${mergeSha}..HEAD`]);
  const later: string[] = [];
  for (const line of log.split('\n').filter((l) => l !== '')) {
    const touched = await clone.git([
      'diff',
      '--name-only',
      `${line.slice(0, 40)}^1`,
      line.slice(0, 40),
      '--',
      ...files,
    ]);
    if (touched.trim() !== '') later.push(`${short(line)}${line.slice(40)}`);
  }
  return later;
}

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
  const pushed = await withClone(
    deps.forge.remote,
    pr.baseBranch,
    deps.tmpDir,
    async (clone): Promise<string | { later: string[] }> => {
      try {
        await clone.git(['revert', '-m', '1', '--no-edit', mergeSha]);
      } catch {
        await clone.git(['revert', '--abort']).catch(() => '');
        return { later: await laterMerges(clone, mergeSha) };
      }
      const revertSha = (await clone.git(['rev-parse', 'HEAD'])).trim();
      await clone.git(['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
      if (deps.forge.kind === 'git') await clone.git(['push', '--quiet', 'origin', `HEAD:refs/heads/${pr.baseBranch}`]);
      return revertSha;
    },
  );
  if (typeof pushed !== 'string') {
    const names = pushed.later.length === 0 ? 'later changes to the same lines' : pushed.later.join('; ');
    const message = `PR #${input.pr} cannot be reverted cleanly: later merges changed the same lines (${names}). Revert those first, newest first, then this one. Nothing was pushed.`;
    await deps.trail.record({
      event: 'refused',
      who: input.requester,
      pr: input.pr,
      stack: input.stack,
      service: input.service,
      headSha: pr.headSha,
      reason: `revert-conflict: ${message}`,
    });
    return { kind: 'refused', code: 'revert-conflict', message };
  }
  let revertPr: PullRequest | undefined;
  let landedSha = pushed;
  if (deps.forge.kind !== 'git') {
    const title = `Revert "${pr.title}"`;
    const opened = await deps.forge.openPullRequest({
      branch,
      base: pr.baseBranch,
      title,
      body: `Reverts #${input.pr} (merge ${mergeSha}), requested in chat by ${input.requester.name ?? input.requester.id}.`,
      labels: [REMEDIATION_LABEL],
    });
    landedSha = (
      await deps.forge.merge(opened.number, {
        expectedHeadSha: pushed,
        commitTitle: `Merge pull request #${opened.number} from ${branch}`,
      })
    ).mergeSha;
    revertPr = opened;
  }
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
