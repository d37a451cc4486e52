import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ExternalError } from '../errors.js';
import { runGit, withoutCredentials } from './run-git.js';

/** Which repository and branch hold the desired state (config `apps`). */
export interface AppsSource {
  /** The bot's checkout; cloned from `url` when missing. */
  readonly path?: string | undefined;
  readonly url?: string | undefined;
  readonly branch: string;
  /**
   * Credentials for `url` as git config in the environment (GIT_CONFIG_COUNT/KEY/VALUE, see
   * `appsGitEnv` in src/forge): a private https repo is fetched without a token in any URL.
   */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** Limit of each git command (config `timeouts.git`); default 2 min. */
  readonly timeoutMs?: number | undefined;
}

/** An exported tree of one commit; `dir` is deleted by `dispose()`. */
export interface BranchSnapshot {
  readonly dir: string;
  readonly commit: string;
  dispose(): Promise<void>;
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Makes sure `checkout` exists (a bare-free clone of `url`) and has the latest `branch` fetched. */
async function fetchBranch(source: AppsSource, checkout: string): Promise<string> {
  const { url, branch } = source;
  const env = { ...source.env };
  if (!(await exists(join(checkout, '.git'))) && !(await exists(join(checkout, 'HEAD')))) {
    if (url === undefined)
      throw new ExternalError(
        'apps-repo-missing',
        `The apps checkout ${checkout} is not a git repository and no apps.url is configured to clone it from.`,
        { retryable: false },
      );
    await mkdir(checkout, { recursive: true });
    await runGit(['clone', '--quiet', '--no-checkout', '--branch', branch, url, checkout], {
      env,
      timeoutMs: source.timeoutMs,
    });
  }
  const remotes = (await runGit(['remote'], { cwd: checkout })).stdout.split('\n').filter((r) => r !== '');
  if (url !== undefined && !remotes.includes('origin'))
    await runGit(['remote', 'add', 'origin', url], { cwd: checkout });
  // A cached checkout follows the configured url: after `apps.url` changes, origin is re-pointed.
  if (url !== undefined && remotes.includes('origin')) {
    const current = (await runGit(['remote', 'get-url', 'origin'], { cwd: checkout })).stdout.trim();
    if (current !== url) await runGit(['remote', 'set-url', 'origin', url], { cwd: checkout });
  }
  if (url !== undefined || remotes.includes('origin')) {
    await runGit(['fetch', '--quiet', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`], {
      cwd: checkout,
      env,
      timeoutMs: source.timeoutMs,
      remote: url,
    });
    return `refs/remotes/origin/${branch}`;
  }
  return `refs/heads/${branch}`;
}

/**
 * A fresh, read-only view of the configured branch: fetches it (cloning first if needed) and
 * exports that commit's tree into a temporary folder, so local edits in the checkout never leak
 * into an audit and the audited commit is exact.
 */
export async function snapshotBranch(source: AppsSource, cacheDir: string): Promise<BranchSnapshot> {
  const checkout = source.path ?? join(cacheDir, 'apps');
  const ref = await fetchBranch(source, checkout);
  const commit = (
    await runGit(['rev-parse', '--verify', `${ref}^{commit}`], { cwd: checkout }).catch(() => {
      const where = withoutCredentials(source.url ?? checkout);
      throw new ExternalError('apps-branch-missing', `Branch "${source.branch}" does not exist in ${where}.`, {
        retryable: false,
      });
    })
  ).stdout.trim();
  await mkdir(cacheDir, { recursive: true });
  const dir = await mkdtemp(join(cacheDir, 'snapshot-'));
  const archive = join(dir, '.tree.tar');
  await runGit(['archive', '--format=tar', '-o', archive, commit], { cwd: checkout });
  await promisify(execFile)('tar', ['-xf', archive, '-C', dir]);
  await rm(archive);
  return { dir, commit, dispose: () => rm(dir, { recursive: true, force: true }) };
}
