import type { PullRequest } from '../../forge/forge.js';
import { REMEDIATION_LABEL } from '../../remediation/open-change.js';
import type { Clone } from './with-clone.js';
import type { RevertDeps } from './revert-remediation.js';

/** A merge after the one to revert that touched the same files. */
export interface LaterMerge {
  readonly sha: string;
  readonly subject: string;
  /** The PR it merged (`Merge pull request #N …`), when the subject names one. */
  readonly pr?: number;
}

const short = (sha: string): string => sha.slice(0, 12);

/** `PR #12 (abc123 Merge pull request #12 from …)` or `abc123 subject`. */
export const laterName = (m: LaterMerge): string =>
  m.pr === undefined ? `${short(m.sha)} ${m.subject}` : `PR #${String(m.pr)} (${short(m.sha)} ${m.subject})`;

/** Merges after `mergeSha` that touched the files it changed, newest first. */
export async function laterMerges(clone: Clone, mergeSha: string): Promise<LaterMerge[]> {
  const files = (await clone.git(['diff', '--name-only', `${mergeSha}^1`, mergeSha]))
    .split('\n')
    .filter((f) => f !== '');
  if (files.length === 0) return [];
  const log = await clone.git(['log', '--merges', '--first-parent', '--format=%H %s', `${mergeSha}..HEAD`]);
  const later: LaterMerge[] = [];
  for (const line of log.split('\n').filter((l) => l !== '')) {
    const sha = line.slice(0, 40);
    const touched = await clone.git(['diff', '--name-only', `${sha}^1`, sha, '--', ...files]);
    if (touched.trim() === '') continue;
    const subject = line.slice(41);
    const pr = /^Merge pull request #(\d+)\b/.exec(subject)?.[1];
    later.push({ sha, subject, ...(pr === undefined ? {} : { pr: Number(pr) }) });
  }
  return later;
}

/**
 * Lands revert commits made in `clone` (HEAD): pushed as `branch`; with plain git also pushed to the
 * base branch, on GitHub opened as a PR and merged sha-guarded. Returns the landed sha and the PR.
 */
export async function landRevert(
  deps: RevertDeps,
  clone: Clone,
  input: { readonly branch: string; readonly base: string; readonly title: string; readonly body: string },
): Promise<{ revertSha: string; landedSha: string; revertPr?: PullRequest }> {
  const revertSha = (await clone.git(['rev-parse', 'HEAD'])).trim();
  await clone.git(['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${input.branch}`]);
  if (deps.forge.kind === 'git') {
    await clone.git(['push', '--quiet', 'origin', `HEAD:refs/heads/${input.base}`]);
    return { revertSha, landedSha: revertSha };
  }
  const opened = await deps.forge.openPullRequest({
    branch: input.branch,
    base: input.base,
    title: input.title,
    body: input.body,
    labels: [REMEDIATION_LABEL],
  });
  const { mergeSha } = await deps.forge.merge(opened.number, {
    expectedHeadSha: revertSha,
    commitTitle: `Merge pull request #${String(opened.number)} from ${input.branch}`,
  });
  return { revertSha, landedSha: mergeSha, revertPr: opened };
}
