import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForge } from '../../src/forge/create-forge.js';
import { ForgeError } from '../../src/forge/forge-error.js';
import type { Forge } from '../../src/forge/forge.js';
import { runGit } from '../../src/git/run-git.js';
import { createLogger } from '../../src/log.js';

const author = {
  GIT_AUTHOR_NAME: 'bot',
  GIT_AUTHOR_EMAIL: 'bot@x',
  GIT_COMMITTER_NAME: 'bot',
  GIT_COMMITTER_EMAIL: 'bot@x',
};
const log = createLogger({ level: 'silent' });

async function failure(promise: Promise<unknown>): Promise<ForgeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ForgeError)) throw new Error(`expected a ForgeError, got ${String(error)}`);
  return error;
}

describe('GitForge (plain git) against a real bare repository', () => {
  let root: string;
  let bare: string;
  let forge: Forge;
  let mergedNumber = 0;
  const git = async (args: string[], cwd = bare) => (await runGit(args, { cwd })).stdout.trim();
  const newForge = () => {
    const made = createForge(
      { url: `file://${bare}`, branch: 'main', stacksDir: 'stacks', forge: { type: 'git' } },
      { log, workDir: join(root, 'work') },
    );
    if (made === undefined) throw new Error('no forge');
    return made;
  };

  /** The caller's side: clone, commit on `branch` (from main unless it exists), push. */
  const push = async (branch: string, file: string, content: string): Promise<string> => {
    const dir = await mkdtemp(join(root, 'caller-'));
    await runGit(['clone', '--quiet', forge.remote.url, dir], { env: forge.remote.env });
    const exists = (await git(['ls-remote', '--heads', 'origin', branch], dir)) !== '';
    await git(['checkout', '--quiet', '-B', branch, exists ? `origin/${branch}` : 'origin/main'], dir);
    await writeFile(join(dir, file), content);
    await git(['add', file], dir);
    await runGit(['commit', '--quiet', '-m', `edit ${file}`], { cwd: dir, env: author });
    await git(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], dir);
    const sha = await git(['rev-parse', 'HEAD'], dir);
    await rm(dir, { recursive: true, force: true });
    return sha;
  };
  const open = async (branch: string, labels = ['drift-remediation'], file = `${branch.replaceAll('/', '-')}.txt`) => {
    const sha = await push(branch, file, `${branch}\n`);
    return {
      sha,
      pr: await forge.openPullRequest({ branch, base: 'main', title: `fix ${branch}`, body: 'why', labels }),
    };
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'hlb-forge-git-'));
    bare = join(root, 'apps.git');
    await runGit(['init', '--quiet', '--bare', '--initial-branch=main', bare]);
    forge = newForge();
    const seed = join(root, 'seed');
    await runGit(['init', '--quiet', '--initial-branch=main', seed]);
    await writeFile(join(seed, 'shared.txt'), 'base\n');
    await git(['add', 'shared.txt'], seed);
    await runGit(['commit', '--quiet', '-m', 'seed'], { cwd: seed, env: author });
    await git(['push', '--quiet', bare, 'HEAD:refs/heads/main'], seed);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('records a PR in the repo itself, so a restarted bot (new instance) sees it, and reopening returns it', async () => {
    const { sha, pr } = await open('fix/drift-a');
    expect(pr).toMatchObject({
      number: 1,
      state: 'open',
      headSha: sha,
      headBranch: 'fix/drift-a',
      baseBranch: 'main',
      labels: ['drift-remediation'],
    });
    expect(await git(['for-each-ref', '--format=%(refname)', 'refs/homelab-bot/'])).toBe('refs/homelab-bot/pulls/1');
    const restarted = newForge();
    expect(await restarted.getPullRequest(1)).toMatchObject({
      number: 1,
      state: 'open',
      headSha: sha,
      mergeable: true,
    });
    const again = await restarted.openPullRequest({
      branch: 'fix/drift-a',
      base: 'main',
      title: 't',
      body: 'b',
      labels: ['extra'],
    });
    expect(again).toMatchObject({ number: 1, labels: ['drift-remediation', 'extra'] });
  });

  it('gives concurrent openers distinct numbers', async () => {
    await Promise.all(['fix/c1', 'fix/c2', 'fix/c3'].map((b) => push(b, `${b.replace('/', '-')}.txt`, 'x\n')));
    const pulls = await Promise.all(
      ['fix/c1', 'fix/c2', 'fix/c3'].map((branch) =>
        newForge().openPullRequest({ branch, base: 'main', title: branch, body: '', labels: [] }),
      ),
    );
    expect(new Set(pulls.map((p) => p.number)).size).toBe(3);
  });

  it('merges with git merge --no-ff: a merge commit on main whose second parent is the approved head', async () => {
    const { sha, pr } = await open('fix/drift-merge');
    mergedNumber = pr.number;
    const mainBefore = await git(['rev-parse', 'main']);
    const { mergeSha } = await forge.merge(pr.number, {
      expectedHeadSha: sha,
      commitTitle: `Merge #${pr.number}`,
      commitMessage: 'approved by alice',
    });
    expect(await git(['log', '-1', '--format=%H %P %s', 'main'])).toBe(
      `${mergeSha} ${mainBefore} ${sha} Merge #${pr.number}`,
    );
    expect(await git(['log', '-1', '--format=%b', 'main'])).toContain('approved by alice');
    expect(await newForge().getPullRequest(pr.number)).toMatchObject({ state: 'merged', mergeSha, headSha: sha });
  });

  it('refuses a merge when the branch got a new commit after approval, and merges nothing', async () => {
    const { sha, pr } = await open('fix/drift-moved');
    const newer = await push('fix/drift-moved', 'later.txt', 'later\n');
    const mainBefore = await git(['rev-parse', 'main']);
    const error = await failure(forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'm' }));
    expect(error.code).toBe('head-moved');
    expect(error.details.currentHeadSha).toBe(newer);
    expect(await git(['rev-parse', 'main'])).toBe(mainBefore);
    expect((await forge.getPullRequest(pr.number)).state).toBe('open');
  });

  it('a double merge (concurrent, from two bot instances) makes exactly one merge commit', async () => {
    const { sha, pr } = await open('fix/drift-twice');
    const results = await Promise.allSettled(
      [newForge(), newForge()].map((f) => f.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'twice' })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected')?.reason as ForgeError).code).toBe('already-merged');
    const third = await failure(forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'twice' }));
    expect(third.details.mergeSha).toBe(ok[0]?.value.mergeSha);
    expect((await git(['log', '--format=%s', 'main'])).split('\n').filter((s) => s === 'twice')).toHaveLength(1);
  });

  it('says already-merged, naming the merge commit, when someone merged the branch by hand', async () => {
    const { sha, pr } = await open('fix/by-hand');
    const dir = await mkdtemp(join(root, 'human-'));
    await git(['clone', '--quiet', bare, dir]);
    await runGit(['merge', '--quiet', '--no-ff', '-m', 'by hand', `origin/fix/by-hand`], { cwd: dir, env: author });
    await git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], dir);
    const handMerge = await git(['rev-parse', 'HEAD'], dir);
    const error = await failure(forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'm' }));
    expect(error).toMatchObject({ code: 'already-merged', details: { mergeSha: handMerge } });
    expect(await git(['rev-parse', 'main'])).toBe(handMerge);
    expect(await forge.getPullRequest(pr.number)).toMatchObject({ state: 'merged', mergeSha: handMerge, headSha: sha });
  });

  it('reports conflicts as mergeable false and refuses the merge with not-mergeable', async () => {
    await push('main', 'shared.txt', 'main side\n');
    const sha = await push('fix/conflict', 'shared.txt', 'branch side\n');
    await push('main', 'shared.txt', 'main moved again\n');
    const pr = await forge.openPullRequest({ branch: 'fix/conflict', base: 'main', title: 'c', body: '', labels: [] });
    expect((await forge.getPullRequest(pr.number)).mergeable).toBe(false);
    expect((await failure(forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'c' }))).code).toBe(
      'not-mergeable',
    );
  });

  it('stores comments in the record, lists open PRs by label, and says not-found for unknown numbers', async () => {
    const { pr } = await open('fix/drift-listed');
    const { pr: unlabelled } = await open('chore/other', []);
    await forge.comment(pr.number, 'Approved by alice');
    const stored = JSON.parse(await git(['show', `refs/homelab-bot/pulls/${pr.number}:pull.json`])) as {
      comments: { body: string }[];
    };
    expect(stored.comments.map((c) => c.body)).toEqual(['Approved by alice']);
    const listed = (await newForge().listOpen({ label: 'drift-remediation' })).map((p) => p.number);
    expect(listed).toContain(pr.number);
    expect(listed).not.toContain(unlabelled.number);
    expect(listed).not.toContain(mergedNumber);
    expect(mergedNumber).toBeGreaterThan(0);
    expect((await failure(forge.getPullRequest(999))).code).toBe('not-found');
    expect((await failure(forge.comment(999, 'x'))).code).toBe('not-found');
  });

  it('leaves no temporary clone behind (one per operation, removed after it)', async () => {
    expect(await readdir(join(root, 'work'))).toEqual([]);
  });

  it('says forge-unavailable (retryable) when the remote cannot be reached', async () => {
    const gone = createForge(
      { url: `file://${join(root, 'missing.git')}`, branch: 'main', stacksDir: 'stacks', forge: { type: 'git' } },
      { log, workDir: join(root, 'work') },
    );
    const error = await failure(gone!.getPullRequest(1));
    expect(error).toMatchObject({ code: 'forge-unavailable', retryable: true });
  });
});
