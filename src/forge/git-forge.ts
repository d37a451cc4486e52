import { mkdir } from 'node:fs/promises';
import type { Logger } from '../log.js';
import { runGit, withoutCredentials } from '../git/run-git.js';
import { AppError } from '../errors.js';
import { ForgeError } from './forge-error.js';
import type { Forge, GitRemote, ListOpenInput, MergeInput, OpenPullRequestInput, PullRequest } from './forge.js';
import { gitMerge } from './git-merge.js';
import { mergedInto } from './git-merged-into.js';
import { toGitRemote } from './git-remote.js';
import { PULL_REF_PREFIX, pullRef, readPullRecord, writePullRecord, type PullRecord } from './git-pull-record.js';
import { fetchRefs, listRemoteRefs, withScratch } from './git-remote-refs.js';

/** Settings of a GitForge. */
export interface GitForgeOptions {
  /** The apps repo to push to (`apps.url`, else `apps.path`; a bare repo or one whose base is not checked out). */
  readonly url: string;
  /** Folder for the per-operation temporary clones. */
  readonly workDir: string;
  readonly log: Logger;
  /** Author/committer of merge commits and records (default homelab-bot). */
  readonly identity?: { readonly name: string; readonly email: string } | undefined;
  readonly now?: () => Date;
  /** Limit of each git command talking to `url` (config `timeouts.git`). */
  readonly gitTimeoutMs?: number | undefined;
}

/** Racing writers retry this many times before giving up with `forge-unavailable`. */
const CAS_ATTEMPTS = 6;

/** Runs `fn`, mapping git failures (unreachable remote, …) to `forge-unavailable`. */
async function guarded<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e: unknown) {
    // Only git's own failures (AppError from runGit) mean "unavailable"; a plain Error is a bug and stays one.
    if (e instanceof ForgeError || !(e instanceof AppError)) throw e;
    throw new ForgeError('forge-unavailable', `git ${what} failed: ${e.message}`, {}, e);
  }
}

/** The Forge port over plain git (see forge.ts): records under refs/homelab-bot/pulls, merge --no-ff, push. */
export function createGitForge(options: GitForgeOptions): Forge {
  const remote: GitRemote = toGitRemote(options.url, {}, options.gitTimeoutMs);
  const who = options.identity ?? { name: 'homelab-bot', email: 'homelab-bot@localhost' };
  const env = {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
  };
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const shownUrl = withoutCredentials(options.url);
  const scratch = async <T>(fn: (dir: string) => Promise<T>, withWorktree = false) => {
    await mkdir(options.workDir, { recursive: true });
    return withScratch(options.workDir, fn, withWorktree);
  };

  /**
   * Port view of a record; the head is read live while the PR is open. With `live`, mergeability is
   * computed and a branch that reached the base outside the bot reads as merged (as GitHub does).
   */
  const toPull = async (
    dir: string,
    record: PullRecord,
    heads: Map<string, string>,
    live: boolean,
  ): Promise<PullRequest> => {
    const view = {
      number: record.number,
      url: `${shownUrl}#${record.branch}`,
      title: record.title,
      headBranch: record.branch,
      baseBranch: record.base,
      labels: record.labels,
    };
    if (record.state !== 'open')
      return {
        ...view,
        state: record.state,
        headSha: record.mergedHeadSha ?? record.openedHeadSha,
        mergeSha: record.mergeSha,
      };
    const headRef = `refs/heads/${record.branch}`;
    const baseRef = `refs/heads/${record.base}`;
    if (!live || !heads.has(headRef) || !heads.has(baseRef))
      return { ...view, state: 'open', headSha: heads.get(headRef) ?? record.openedHeadSha };
    await fetchRefs(dir, remote, [headRef, baseRef]);
    const [headSha = '', baseSha = ''] = (await runGit(['rev-parse', headRef, baseRef], { cwd: dir })).stdout
      .trim()
      .split('\n');
    const byHand = await mergedInto(dir, headSha, baseSha);
    if (byHand.merged) return { ...view, state: 'merged', headSha, mergeSha: byHand.mergeSha };
    const mergeable = await runGit(['merge-tree', '--write-tree', baseSha, headSha], { cwd: dir }).then(
      () => true,
      () => false,
    );
    return { ...view, state: 'open', headSha, mergeable };
  };

  /** Fetches record `n` into `dir`; undefined when there is none. `refs` also lists `alsoList` (same ls-remote). */
  const loadRecord = async (
    dir: string,
    number: number,
    alsoList: readonly string[] = [],
  ): Promise<{ record: PullRecord; sha: string; refs: Map<string, string> } | undefined> => {
    const refs = await listRemoteRefs(remote, [pullRef(number), ...alsoList]);
    const sha = refs.get(pullRef(number));
    if (sha === undefined) return undefined;
    await fetchRefs(dir, remote, [pullRef(number)]);
    return { record: await readPullRecord(dir, sha), sha, refs };
  };

  /** Compare-and-swap update of record `n` (retried when another writer won). */
  const updateRecord = (number: number, change: (r: PullRecord) => PullRecord) =>
    guarded(`update of pull #${number}`, () =>
      scratch(async (dir) => {
        for (let attempt = 1; attempt <= CAS_ATTEMPTS; attempt += 1) {
          const loaded = await loadRecord(dir, number);
          if (loaded === undefined)
            throw new ForgeError('not-found', `There is no pull request #${number} in ${shownUrl}.`);
          const next = await writePullRecord(dir, change(loaded.record), loaded.sha, env);
          const pushed = await runGit(
            [
              'push',
              '--quiet',
              `--force-with-lease=${pullRef(number)}:${loaded.sha}`,
              remote.url,
              `${next}:${pullRef(number)}`,
            ],
            { cwd: dir, env: remote.env, timeoutMs: remote.timeoutMs },
          ).then(
            () => true,
            () => false,
          );
          if (pushed) return;
        }
        throw new ForgeError('forge-unavailable', `Pull #${number} kept changing under us; try again.`);
      }),
    );

  const listRecords = async (dir: string): Promise<PullRecord[]> => {
    const refs = [...(await listRemoteRefs(remote, [`${PULL_REF_PREFIX}*`])).entries()];
    await fetchRefs(
      dir,
      remote,
      refs.map(([ref]) => ref),
    );
    return Promise.all(refs.map(([, sha]) => readPullRecord(dir, sha)));
  };

  const openPullRequest = (input: OpenPullRequestInput): Promise<PullRequest> =>
    guarded(`opening of a pull for ${input.branch}`, () =>
      scratch(async (dir) => {
        for (let attempt = 1; attempt <= CAS_ATTEMPTS; attempt += 1) {
          const heads = await listRemoteRefs(remote, ['refs/heads/*']);
          const headSha = heads.get(`refs/heads/${input.branch}`);
          if (headSha === undefined)
            throw new ForgeError(
              'forge-rejected',
              `Branch ${input.branch} is not in ${shownUrl}; push it before opening a pull request.`,
            );
          if (!heads.has(`refs/heads/${input.base}`))
            throw new ForgeError('forge-rejected', `Base branch ${input.base} is not in ${shownUrl}.`);
          const records = await listRecords(dir);
          const existing = records.find(
            (r) => r.state === 'open' && r.branch === input.branch && r.base === input.base,
          );
          if (existing !== undefined) {
            const labels = [...new Set([...existing.labels, ...(input.labels ?? [])])];
            if (labels.length !== existing.labels.length)
              await updateRecord(existing.number, (r) => ({ ...r, labels }));
            return toPull(dir, { ...existing, labels }, heads, false);
          }
          const number = Math.max(0, ...records.map((r) => r.number)) + 1;
          const record: PullRecord = {
            number,
            title: input.title,
            body: input.body,
            branch: input.branch,
            base: input.base,
            labels: [...new Set(input.labels ?? [])],
            openedAt: now(),
            openedHeadSha: headSha,
            state: 'open',
            comments: [],
          };
          const commit = await writePullRecord(dir, record, undefined, env);
          // An empty lease means "must not exist yet": two openers never get the same number.
          const created = await runGit(
            ['push', '--quiet', `--force-with-lease=${pullRef(number)}:`, remote.url, `${commit}:${pullRef(number)}`],
            { cwd: dir, env: remote.env, timeoutMs: remote.timeoutMs },
          ).then(
            () => true,
            () => false,
          );
          if (created) {
            options.log.info({ pr: number, branch: input.branch }, 'pull request recorded');
            return toPull(dir, record, heads, false);
          }
        }
        throw new ForgeError(
          'forge-unavailable',
          'Could not allocate a pull request number (too many concurrent writers); try again.',
        );
      }),
    );

  const getPullRequest = (number: number): Promise<PullRequest> =>
    guarded(`read of pull #${number}`, () =>
      scratch(async (dir) => {
        const loaded = await loadRecord(dir, number, ['refs/heads/*']);
        if (loaded === undefined)
          throw new ForgeError('not-found', `There is no pull request #${number} in ${shownUrl}.`);
        return toPull(dir, loaded.record, loaded.refs, true);
      }),
    );

  const merge = (number: number, input: MergeInput) =>
    guarded(`merge of pull #${number}`, () =>
      gitMerge({
        number,
        input,
        remote,
        env,
        shownUrl,
        now,
        log: options.log,
        attempts: CAS_ATTEMPTS,
        scratch: (fn) => scratch(fn, true),
      }),
    );

  const comment = (number: number, body: string) =>
    updateRecord(number, (r) => ({ ...r, comments: [...r.comments, { body, at: now() }] }));

  const listOpen = (input: ListOpenInput = {}): Promise<readonly PullRequest[]> =>
    guarded('listing of pulls', () =>
      scratch(async (dir) => {
        const heads = await listRemoteRefs(remote, ['refs/heads/*']);
        const open = (await listRecords(dir)).filter(
          (r) => r.state === 'open' && (input.label === undefined || r.labels.includes(input.label)),
        );
        const pulls = await Promise.all(open.map((r) => toPull(dir, r, heads, false)));
        return pulls.sort((a, b) => b.number - a.number);
      }),
    );

  return { kind: 'git', remote, openPullRequest, getPullRequest, merge, comment, listOpen };
}
