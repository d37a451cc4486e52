import { runGit } from '../git/run-git.js';

/** Namespace of the plain-git pull-request records in the apps repo (not fetched by normal clones). */
export const PULL_REF_PREFIX = 'refs/homelab-bot/pulls/';
export const pullRef = (number: number): string => `${PULL_REF_PREFIX}${number}`;

/** One plain-git "pull request", stored as `pull.json` in a commit chain at `refs/homelab-bot/pulls/<n>`. */
export interface PullRecord {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly branch: string;
  readonly base: string;
  readonly labels: readonly string[];
  readonly openedAt: string;
  readonly openedHeadSha: string;
  readonly state: 'open' | 'closed' | 'merged';
  readonly mergeSha?: string | undefined;
  readonly mergedHeadSha?: string | undefined;
  /** Unique per merge attempt (makes racing record updates distinct). */
  readonly mergeId?: string | undefined;
  readonly comments: readonly { readonly body: string; readonly at: string }[];
}

/** Reads the record at `commit` in the repository `cwd`. */
export async function readPullRecord(cwd: string, commit: string): Promise<PullRecord> {
  return JSON.parse((await runGit(['show', `${commit}:pull.json`], { cwd })).stdout) as PullRecord;
}

/**
 * Writes `record` as a new commit (parent `parent` when updating) with plumbing only, so it works in
 * a bare scratch repository. Returns the commit sha; the caller pushes it with a lease.
 */
export async function writePullRecord(
  cwd: string,
  record: PullRecord,
  parent: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const blob = (
    await runGit(['hash-object', '-w', '--stdin'], { cwd, input: `${JSON.stringify(record, null, 2)}\n` })
  ).stdout.trim();
  const tree = (await runGit(['mktree'], { cwd, input: `100644 blob ${blob}\tpull.json\n` })).stdout.trim();
  const args = [
    'commit-tree',
    tree,
    ...(parent === undefined ? [] : ['-p', parent]),
    '-m',
    `pull #${record.number}: ${record.state}`,
  ];
  return (await runGit(args, { cwd, env })).stdout.trim();
}
