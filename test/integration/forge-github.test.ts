import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ForgeError } from '../../src/forge/forge-error.js';
import type { Forge } from '../../src/forge/forge.js';
import { createGitHubForge } from '../../src/forge/github-forge.js';
import { runGit } from '../../src/git/run-git.js';
import { createLogger } from '../../src/log.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../lab/emulators/github/github-emulator.js';

const author = {
  GIT_AUTHOR_NAME: 'bot',
  GIT_AUTHOR_EMAIL: 'bot@x',
  GIT_COMMITTER_NAME: 'bot',
  GIT_COMMITTER_EMAIL: 'bot@x',
};

async function failure(promise: Promise<unknown>): Promise<ForgeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ForgeError)) throw new Error(`expected a ForgeError, got ${String(error)}`);
  return error;
}

describe('GitHubForge (real @octokit/rest) against the GitHub emulator', () => {
  let emu: GitHubEmulator;
  let forge: Forge;
  let work: string;
  const sleeps: number[] = [];
  const logLines: string[] = [];

  /** Pushes a commit on `branch` through the forge's remote (smart HTTP with the token header), like the caller does. */
  const push = async (branch: string, file: string, content: string): Promise<string> => {
    const dir = await mkdtemp(join(work, 'clone-'));
    const { url, env } = forge.remote;
    await runGit(['clone', '--quiet', url, dir], { env });
    const exists = (await runGit(['ls-remote', '--heads', 'origin', branch], { cwd: dir, env })).stdout !== '';
    await runGit(['checkout', '--quiet', '-B', branch, exists ? `origin/${branch}` : 'origin/main'], { cwd: dir });
    await writeFile(join(dir, file), content);
    await runGit(['add', file], { cwd: dir });
    await runGit(['commit', '--quiet', '-m', `edit ${file}`], { cwd: dir, env: author });
    await runGit(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], { cwd: dir, env });
    const sha = (await runGit(['rev-parse', 'HEAD'], { cwd: dir })).stdout.trim();
    expect(await readFile(join(dir, '.git', 'config'), 'utf8')).not.toContain(emu.token);
    await rm(dir, { recursive: true, force: true });
    return sha;
  };
  const open = async (branch: string, labels: string[] = ['drift-remediation']) => {
    const sha = await push(branch, `${branch.replaceAll('/', '-')}.txt`, `${branch}\n`);
    return {
      sha,
      pr: await forge.openPullRequest({ branch, base: 'main', title: `fix ${branch}`, body: 'why', labels }),
    };
  };

  beforeAll(async () => {
    emu = await startGitHubEmulator();
    work = await mkdtemp(join(tmpdir(), 'hlb-forge-gh-'));
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    forge = createGitHubForge({
      owner: emu.owner,
      repo: emu.repo,
      token: emu.token,
      apiUrl: emu.url,
      log: createLogger({ level: 'debug' }, sink),
      retry: {
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
      },
    });
  });
  afterEach(() => {
    sleeps.length = 0;
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    expect(logLines.join('')).not.toContain(emu.token);
    await emu.close();
    await rm(work, { recursive: true, force: true });
  });

  it('derives the smart-HTTP remote of the emulator and keeps the token out of its URL', () => {
    expect(forge.remote.url).toBe(emu.cloneUrl);
    expect(forge.remote.url).not.toContain(emu.token);
  });

  it('opens a PR with a label it creates, and returns the same PR when asked again', async () => {
    const { sha, pr } = await open('fix/drift-a');
    expect(pr).toMatchObject({
      state: 'open',
      headBranch: 'fix/drift-a',
      headSha: sha,
      baseBranch: 'main',
      labels: ['drift-remediation'],
    });
    expect(emu.state.labels.has('drift-remediation')).toBe(true);
    const again = await forge.openPullRequest({
      branch: 'fix/drift-a',
      base: 'main',
      title: 'x',
      body: 'y',
      labels: ['drift-remediation'],
    });
    expect(again.number).toBe(pr.number);
    expect([...emu.state.pulls.values()].filter((p) => p.head === 'fix/drift-a')).toHaveLength(1);
  });

  it('polls while mergeable is null, then merges with a real --no-ff merge commit', async () => {
    const { sha, pr } = await open('fix/drift-poll');
    emu.mergeableNull(pr.number, 3);
    const reads = () => emu.log.filter((c) => c.method === 'GET' && c.path.endsWith(`/pulls/${pr.number}`)).length;
    const before = reads();
    const { mergeSha } = await forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: `Merge #${pr.number}` });
    expect(reads() - before).toBeGreaterThanOrEqual(4);
    expect(sleeps.length).toBeGreaterThanOrEqual(3);
    const [top] = await emu.bare.log('main');
    expect(top).toBe(`${mergeSha} ${top?.split(' ')[1] ?? ''} ${sha} Merge #${pr.number}`);
    expect(await forge.getPullRequest(pr.number)).toMatchObject({ state: 'merged', mergeSha, headSha: sha });
  });

  it('refuses a merge when the branch got a new commit, and merges nothing', async () => {
    const { sha, pr } = await open('fix/drift-moved');
    const newer = await push('fix/drift-moved', 'extra.txt', 'later\n');
    const mainBefore = await emu.bare.branchSha('main');
    const error = await failure(forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'm' }));
    expect(error.code).toBe('head-moved');
    expect(error.details.currentHeadSha).toBe(newer);
    expect(await emu.bare.branchSha('main')).toBe(mainBefore);
    expect(emu.pull(pr.number)?.merged).toBe(false);
  });

  it("maps GitHub's 409 (branch moved between our check and the merge call) to head-moved", async () => {
    const { sha, pr } = await open('fix/drift-race');
    await forge.getPullRequest(pr.number);
    emu.failNext({ status: 502, route: 'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge' });
    let newer = '';
    const racing = createGitHubForge({
      owner: emu.owner,
      repo: emu.repo,
      token: emu.token,
      apiUrl: emu.url,
      log: createLogger({ level: 'silent' }),
      retry: {
        sleep: async () => {
          newer = await push('fix/drift-race', 'race.txt', 'x\n');
        },
      },
    });
    const error = await failure(racing.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'm' }));
    expect(error.code).toBe('head-moved');
    expect(error.details.currentHeadSha).toBe(newer);
    expect(emu.log.some((c) => c.status === 409)).toBe(true);
    expect(emu.pull(pr.number)?.merged).toBe(false);
  });

  it('a second merge (sequential or concurrent) makes no second merge commit and says already-merged', async () => {
    const { sha, pr } = await open('fix/drift-twice');
    const results = await Promise.allSettled(
      [1, 2].map(() => forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'twice' })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected?.reason as ForgeError).code).toBe('already-merged');
    const again = await failure(forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'twice' }));
    expect(again.code).toBe('already-merged');
    expect(again.details.mergeSha).toBe(ok[0]?.value.mergeSha);
    expect((await emu.bare.log('main', '%s')).filter((s) => s === 'twice')).toHaveLength(1);
  });

  it('waits out a secondary rate limit (retry-after) and a primary one (x-ratelimit-reset)', async () => {
    emu.rateLimitNext({ kind: 'secondary', waitSeconds: 2, route: 'POST /repos/{owner}/{repo}/pulls' });
    const { pr } = await open('fix/drift-limited');
    expect(sleeps).toContain(2000);
    emu.rateLimitNext({ kind: 'primary', waitSeconds: 5, route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}' });
    expect((await forge.getPullRequest(pr.number)).number).toBe(pr.number);
    expect(sleeps.some((ms) => ms >= 4000 && ms <= 6000)).toBe(true);
  });

  it('fails with a retryable rate-limited error when GitHub asks for a longer wait than allowed', async () => {
    emu.rateLimitNext({ kind: 'primary', waitSeconds: 3600 });
    const error = await failure(forge.getPullRequest(1));
    expect(error).toMatchObject({ code: 'rate-limited', retryable: true });
    expect(error.details.retryAfterMs).toBeGreaterThan(60_000);
  });

  it('retries 5xx with growing backoff, and reports forge-unavailable when it persists', async () => {
    emu.failNext({ status: 502, count: 2 });
    expect((await forge.getPullRequest(1)).number).toBe(1);
    expect(sleeps).toEqual([500, 1000]);
    emu.failNext({ status: 503, count: 10 });
    const error = await failure(forge.getPullRequest(1));
    expect(error).toMatchObject({ code: 'forge-unavailable', retryable: true });
    emu.state.faults.length = 0;
  });

  it('refuses a conflicting PR with not-mergeable and merges nothing', async () => {
    await emu.bare.commit({ branch: 'fix/conflict', files: { 'README.md': 'branch side\n' }, message: 'branch edit' });
    await emu.bare.commit({ branch: 'main', files: { 'README.md': 'main side\n' }, message: 'main edit' });
    const sha = (await emu.bare.branchSha('fix/conflict'))!;
    const pr = await forge.openPullRequest({ branch: 'fix/conflict', base: 'main', title: 'c', body: '' });
    const mainBefore = await emu.bare.branchSha('main');
    const error = await failure(forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'c' }));
    expect(error.code).toBe('not-mergeable');
    expect((await forge.getPullRequest(pr.number)).mergeable).toBe(false);
    expect(await emu.bare.branchSha('main')).toBe(mainBefore);
  });

  it('refuses to merge a PR someone closed, and reads it as closed', async () => {
    const { sha, pr } = await open('fix/drift-closed');
    emu.closePull(pr.number);
    expect((await forge.getPullRequest(pr.number)).state).toBe('closed');
    expect((await failure(forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'c' }))).code).toBe(
      'not-mergeable',
    );
  });

  it('reports forge-unavailable after retries when GitHub cannot be reached at all', async () => {
    const closed = await startGitHubEmulator();
    const url = closed.url;
    await closed.close();
    const offline = createGitHubForge({
      owner: 'acme',
      repo: 'homelab-apps',
      token: 't0ken-offline',
      apiUrl: url,
      log: createLogger({ level: 'silent' }),
      retry: { sleep: () => Promise.resolve() },
    });
    const error = await failure(offline.getPullRequest(1));
    expect(error).toMatchObject({ code: 'forge-unavailable', retryable: true });
    expect(error.message).not.toContain('t0ken-offline');
  });

  it('says not-found for an unknown PR, comments, and lists open PRs by label', async () => {
    expect((await failure(forge.getPullRequest(9999))).code).toBe('not-found');
    const { pr } = await open('fix/drift-listed');
    const { pr: other } = await open('chore/unlabelled', []);
    await forge.comment(pr.number, 'Approved by alice');
    expect(emu.pull(pr.number)?.comments.map((c) => c.body)).toEqual(['Approved by alice']);
    const listed = await forge.listOpen({ label: 'drift-remediation' });
    expect(listed.map((p) => p.number)).toContain(pr.number);
    expect(listed.map((p) => p.number)).not.toContain(other.number);
    expect(listed.every((p) => p.state === 'open')).toBe(true);
  });
});
