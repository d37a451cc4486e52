import { UserError } from '../errors.js';
import type { Forge, PullRequest } from '../forge/forge.js';
import { utcMinute } from '../drift/remediate/utc-minute.js';
import { withClone, type Clone } from '../drift/remediate/with-clone.js';

/** The label every remediation PR carries (drift and health fixes alike). */
export const REMEDIATION_LABEL = 'drift-remediation';

/** What opening a change needs, wired by the composition root (shared by drift and health fixes). */
export interface ChangeDeps {
  readonly forge: Forge;
  /** Target branch and stacks folder (config `apps`). */
  readonly apps: { readonly branch: string; readonly stacksDir: string };
  /** Where per-job clones are made (and removed). */
  readonly tmpDir: string;
  readonly now: () => Date;
}

/** One change as a pull request: where to branch, how to edit, how to describe it. */
export interface ChangeRequest<T> {
  /** Branch pushed (force: a retried job pushes the same commit again). */
  readonly branch: string;
  /** Commit to branch from; default the target branch's head. */
  readonly from?: string | undefined;
  readonly title: string;
  readonly labels: readonly string[];
  /** Edits the clone; throws a `UserError` when there is nothing to do. */
  readonly edit: (clone: Clone) => Promise<T>;
  /** Paths to stage, relative to the repo root (default: everything). */
  readonly paths?: readonly string[];
  /** Shown when the edit left the tree unchanged (never a raw "nothing to commit"). */
  readonly unchanged: string;
  readonly body: (result: T) => string;
}

export interface OpenedChange<T> {
  readonly pr: PullRequest;
  readonly result: T;
  /** The PR body as opened. */
  readonly body: string;
}

/**
 * The remediation steps every fix shares: private clone → branch → edit → commit (dated to the
 * minute, so a retry makes the same commit) → force-push → pull request. The clone is always removed.
 */
export async function openChange<T>(deps: ChangeDeps, request: ChangeRequest<T>): Promise<OpenedChange<T>> {
  const minute = utcMinute(deps.now());
  return withClone(deps.forge.remote, deps.apps.branch, deps.tmpDir, async (clone) => {
    await clone.git([
      'checkout',
      '--quiet',
      '-b',
      request.branch,
      ...(request.from === undefined ? [] : [request.from]),
    ]);
    const result = await request.edit(clone);
    await clone.git(['add', '--all', '--', ...(request.paths ?? ['.'])]);
    const staged = await clone.git(['diff', '--cached', '--name-only']);
    if (staged.trim() === '') throw new UserError('nothing-to-commit', request.unchanged);
    await clone.git(['commit', '--quiet', '-m', request.title], { date: minute });
    await clone.git(['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${request.branch}`]);
    const body = request.body(result);
    const pr = await deps.forge.openPullRequest({
      branch: request.branch,
      base: deps.apps.branch,
      title: request.title,
      body,
      labels: [...request.labels],
    });
    return { pr, result, body };
  });
}
