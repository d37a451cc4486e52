import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGit } from '../../../src/git/run-git.js';
import { startGitHubEmulator, type GitHubEmulator } from './github-emulator.js';
import { createGitHubChecker } from './github-validate.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON from the wire, asserted field by field
type Body = Record<string, any> & any[];
const author = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' };

describe('GitHub emulator (real bare repo, responses checked against the OpenAPI subset)', () => {
  let emu: GitHubEmulator;
  let work: string;
  const api = async (method: string, path: string, body?: unknown, auth = true) => {
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `token ${emu.token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as Body };
  };
  const repoPath = () => `/repos/${emu.owner}/${emu.repo}`;

  beforeAll(async () => {
    emu = await startGitHubEmulator();
    work = await mkdtemp(join(tmpdir(), 'hlb-gh-emu-'));
  });
  afterAll(async () => {
    await emu.close();
    await rm(work, { recursive: true, force: true });
  });

  it('refuses git over HTTP without the token and accepts a push with it', async () => {
    const denied = await runGit(['ls-remote', emu.cloneUrl]).catch((e: unknown) => e);
    expect(String(denied)).toMatch(/failed/);
    const auth = `Authorization: Basic ${Buffer.from(`x-access-token:${emu.token}`).toString('base64')}`;
    const env = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: auth, ...author };
    await runGit(['clone', '--quiet', emu.cloneUrl, join(work, 'c')], { env });
    await writeFile(join(work, 'c', 'a.txt'), 'a\n');
    await runGit(['add', 'a.txt'], { cwd: join(work, 'c') });
    await runGit(['commit', '--quiet', '-m', 'add a'], { cwd: join(work, 'c'), env });
    await runGit(['push', '--quiet', 'origin', 'HEAD:refs/heads/feature'], { cwd: join(work, 'c'), env });
    expect(await emu.bare.branchSha('feature')).toBe(
      (await runGit(['rev-parse', 'HEAD'], { cwd: join(work, 'c') })).stdout.trim(),
    );
  });

  it('answers 401 to API calls without the token', async () => {
    expect((await api('GET', repoPath(), undefined, false)).status).toBe(401);
  });

  it('opens a PR, reports mergeable null first and true after, refuses a stale sha with 409', async () => {
    const created = await api('POST', `${repoPath()}/pulls`, {
      title: 'Add a',
      head: 'feature',
      base: 'main',
      body: 'b',
    });
    expect(created.status).toBe(201);
    expect(created.body['mergeable']).toBeNull();
    const n = created.body['number'] as number;
    expect((await api('GET', `${repoPath()}/pulls/${n}`)).body['mergeable']).toBe(true);
    const stale = await api('PUT', `${repoPath()}/pulls/${n}/merge`, { sha: 'f'.repeat(40) });
    expect(stale.status).toBe(409);
    expect(emu.pull(n)?.merged).toBe(false);
  });

  it('merges with a real --no-ff merge commit, then refuses a second merge with 405', async () => {
    const head = (await emu.bare.branchSha('feature'))!;
    const merged = await api('PUT', `${repoPath()}/pulls/1/merge`, { sha: head, commit_title: 'Merge it' });
    expect(merged.status).toBe(200);
    const [top] = await emu.bare.log('main');
    expect(top).toMatch(new RegExp(`^${merged.body['sha'] as string} \\w{40} ${head} Merge it$`));
    expect((await api('PUT', `${repoPath()}/pulls/1/merge`, { sha: head })).status).toBe(405);
    const pr = await api('GET', `${repoPath()}/pulls/1`);
    expect(pr.body).toMatchObject({ state: 'closed', merged: true, merge_commit_sha: merged.body['sha'] });
  });

  it('auto-creates labels, lists comments, decodes heads%2Fmain', async () => {
    await emu.bare.commit({ branch: 'other', files: { 'b.txt': 'b\n' }, message: 'b' });
    const created = await api('POST', `${repoPath()}/pulls`, { title: 'B', head: `${emu.owner}:other`, base: 'main' });
    const n = created.body['number'] as number;
    const labels = await api('POST', `${repoPath()}/issues/${n}/labels`, { labels: ['drift-remediation'] });
    expect(labels.body.map((l: { name: string }) => l.name)).toEqual(['drift-remediation']);
    expect((await api('GET', `${repoPath()}/labels/drift-remediation`)).status).toBe(200);
    await api('POST', `${repoPath()}/issues/${n}/comments`, { body: 'hello' });
    expect((await api('GET', `${repoPath()}/issues/${n}/comments`)).body.map((c: { body: string }) => c.body)).toEqual([
      'hello',
    ]);
    const ref = await api('GET', `${repoPath()}/git/ref/heads%2Fmain`);
    expect(ref.body['object'].sha).toBe(await emu.bare.branchSha('main'));
    expect((await api('POST', `${repoPath()}/pulls`, { title: 'B', head: 'other', base: 'main' })).status).toBe(422);
  });

  it('injects rate limits and 5xx once, with the headers GitHub sends', async () => {
    emu.rateLimitNext({ kind: 'primary', waitSeconds: 7 });
    const limited = await api('GET', repoPath());
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    emu.rateLimitNext({ kind: 'secondary', waitSeconds: 3 });
    expect((await api('GET', repoPath())).headers.get('retry-after')).toBe('3');
    emu.failNext({ status: 503 });
    expect((await api('GET', repoPath())).status).toBe(503);
    expect((await api('GET', repoPath())).status).toBe(200);
  });

  it('sent only schema-valid responses', () => {
    expect(emu.violations).toEqual([]);
    expect(emu.log.length).toBeGreaterThan(10);
  });

  it('answers 500 and records a violation when it would send a reply that breaks the schema', async () => {
    const pull = emu.pull(1)!;
    const title = pull.title;
    Object.assign(pull, { title: 42 });
    const broken = await api('GET', `${repoPath()}/pulls/1`);
    Object.assign(pull, { title });
    expect(broken.status).toBe(500);
    expect(emu.violations.join('\n')).toMatch(/\/title must be string/);
    (emu.violations as string[]).length = 0;
  });

  it('the checker rejects a pull request missing required fields (so a bad emulator reply cannot pass)', () => {
    const check = createGitHubChecker();
    const verdict = check('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', 200, { number: 1, state: 'open' });
    expect(verdict.violations.length).toBeGreaterThan(0);
    expect(
      check('PUT', '/repos/{owner}/{repo}/pulls/{pull_number}/merge', 200, { sha: 'a', merged: true, message: 'ok' })
        .violations,
    ).toEqual([]);
  });
});
