import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';
import { runGit } from '../git/run-git.js';
import { ForgeError } from './forge-error.js';
import type { GitRemote, MergeInput, MergeResult } from './forge.js';
import { mergedInto } from './git-merged-into.js';
import { pullRef, readPullRecord, writePullRecord } from './git-pull-record.js';
import { listRemoteRefs } from './git-remote-refs.js';

/** One plain-git merge request with what it needs from the forge. */
export interface GitMergeJob {
  readonly number: number;
  readonly input: MergeInput;
  readonly remote: GitRemote;
  /** Author/committer identity. */
  readonly env: NodeJS.ProcessEnv;
  readonly shownUrl: string;
  readonly now: () => string;
  readonly log: Logger;
  readonly attempts: number;
  /** Runs `fn` in a fresh temporary repository with a worktree, deleted afterwards. */
  readonly scratch: <T>(fn: (dir: string) => Promise<T>) => Promise<T>;
}

const RETRY = Symbol('retry');

/**
 * Merges pull `number` with `git merge --no-ff` of exactly `expectedHeadSha` in a fresh clone and
 * pushes the merge and the updated record atomically, each with a lease: when anything moved in
 * between, nothing is pushed and the whole check runs again (then usually `already-merged`).
 */
export async function gitMerge(job: GitMergeJob): Promise<MergeResult> {
  for (let attempt = 1; attempt <= job.attempts; attempt += 1) {
    const result = await job.scratch((dir) => attemptMerge(job, dir));
    if (result !== RETRY) return result;
  }
  throw new ForgeError(
    'forge-unavailable',
    `Pull #${job.number}: the base branch kept moving during the merge; try again.`,
  );
}

async function attemptMerge(job: GitMergeJob, dir: string): Promise<MergeResult | typeof RETRY> {
  const { number, input, remote } = job;
  const ref = pullRef(number);
  const refs = await listRemoteRefs(remote, [ref, 'refs/heads/*']);
  const recordSha = refs.get(ref);
  if (recordSha === undefined)
    throw new ForgeError('not-found', `There is no pull request #${number} in ${job.shownUrl}.`);
  await runGit(['fetch', '--quiet', '--no-tags', remote.url, `+${ref}:refs/pull-record`], {
    cwd: dir,
    env: remote.env,
    timeoutMs: remote.timeoutMs,
  });
  const record = await readPullRecord(dir, recordSha);
  if (record.state === 'merged')
    throw new ForgeError('already-merged', `Pull #${number} is already merged (${record.mergeSha ?? ''}).`, {
      mergeSha: record.mergeSha,
    });
  if (record.state === 'closed') throw new ForgeError('not-mergeable', `Pull #${number} is closed.`);
  const headSha = refs.get(`refs/heads/${record.branch}`);
  const baseSha = refs.get(`refs/heads/${record.base}`);
  if (headSha === undefined || baseSha === undefined)
    throw new ForgeError(
      'not-mergeable',
      `Pull #${number}: branch ${headSha === undefined ? record.branch : record.base} no longer exists.`,
    );
  if (headSha !== input.expectedHeadSha) {
    throw new ForgeError(
      'head-moved',
      `Pull #${number} changed since it was shown: head is now ${headSha.slice(0, 12)}, not ${input.expectedHeadSha.slice(0, 12)}.`,
      { currentHeadSha: headSha },
    );
  }
  await runGit(
    [
      'fetch',
      '--quiet',
      '--no-tags',
      remote.url,
      `+refs/heads/${record.base}:refs/remotes/origin/base`,
      `+refs/heads/${record.branch}:refs/remotes/origin/head`,
    ],
    { cwd: dir, env: remote.env, timeoutMs: remote.timeoutMs },
  );
  const fetched = async (name: string) =>
    (await runGit(['rev-parse', `refs/remotes/origin/${name}`], { cwd: dir })).stdout.trim();
  if ((await fetched('head')) !== input.expectedHeadSha || (await fetched('base')) !== baseSha) return RETRY;
  const byHand = await mergedInto(dir, headSha, baseSha);
  if (byHand.merged) {
    throw new ForgeError(
      'already-merged',
      `Pull #${number}: ${record.branch} is already part of ${record.base} (merged outside the bot).`,
      { mergeSha: byHand.mergeSha },
    );
  }
  await runGit(['checkout', '--quiet', '--detach', baseSha], { cwd: dir });
  const message = ['-m', input.commitTitle, ...(input.commitMessage === undefined ? [] : ['-m', input.commitMessage])];
  const clean = await runGit(['merge', '--quiet', '--no-ff', '--no-edit', ...message, headSha], {
    cwd: dir,
    env: job.env,
  }).then(
    () => true,
    () => false,
  );
  if (!clean) throw new ForgeError('not-mergeable', `Pull #${number} has conflicts with ${record.base}.`);
  const mergeSha = (await runGit(['rev-parse', 'HEAD'], { cwd: dir })).stdout.trim();
  // A unique id per attempt: two racing merges may build the identical merge commit (same second),
  // but never the identical record, so exactly one push wins the lease and the other sees `already-merged`.
  const merged = await writePullRecord(
    dir,
    { ...record, state: 'merged', mergeSha, mergedHeadSha: headSha, mergeId: randomUUID() },
    recordSha,
    job.env,
  );
  const pushed = await runGit(
    [
      'push',
      '--quiet',
      '--atomic',
      `--force-with-lease=refs/heads/${record.base}:${baseSha}`,
      `--force-with-lease=${ref}:${recordSha}`,
      remote.url,
      `${mergeSha}:refs/heads/${record.base}`,
      `${merged}:${ref}`,
    ],
    { cwd: dir, env: remote.env, timeoutMs: remote.timeoutMs },
  ).then(
    () => true,
    () => false,
  );
  if (!pushed) return RETRY;
  job.log.info({ pr: number, mergeSha }, 'pull request merged (plain git)');
  return { mergeSha };
}
