import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGit } from './run-git.js';
import { snapshotBranch } from './snapshot-branch.js';

const author = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' };

describe('snapshotBranch (real git)', () => {
  let root: string;
  let remote: string;
  let work: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'hlb-git-'));
    remote = join(root, 'apps.git');
    work = join(root, 'work');
    await runGit(['init', '--quiet', '--bare', '--initial-branch=main', remote]);
    await runGit(['clone', '--quiet', remote, work]);
    await writeFile(join(work, 'a.txt'), 'one\n');
    await runGit(['add', '.'], { cwd: work });
    await runGit(['commit', '--quiet', '-m', 'first'], { cwd: work, env: author });
    await runGit(['push', '--quiet', 'origin', 'HEAD:main'], { cwd: work });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('clones on first use and exports exactly the branch head', async () => {
    const snap = await snapshotBranch({ url: `file://${remote}`, branch: 'main' }, join(root, 'cache'));
    expect(await readFile(join(snap.dir, 'a.txt'), 'utf8')).toBe('one\n');
    expect(snap.commit).toBe((await runGit(['rev-parse', 'HEAD'], { cwd: work })).stdout.trim());
    await snap.dispose();
  });

  it('fetches new commits on the next snapshot and ignores local edits in the checkout', async () => {
    await writeFile(join(work, 'a.txt'), 'two\n');
    await runGit(['commit', '--quiet', '-am', 'second'], { cwd: work, env: author });
    await runGit(['push', '--quiet', 'origin', 'HEAD:main'], { cwd: work });
    await writeFile(join(root, 'cache', 'apps', 'a.txt'), 'local edit\n');
    const snap = await snapshotBranch({ url: `file://${remote}`, branch: 'main' }, join(root, 'cache'));
    expect(await readFile(join(snap.dir, 'a.txt'), 'utf8')).toBe('two\n');
    await snap.dispose();
  });

  it('names a missing branch clearly', async () => {
    await expect(
      snapshotBranch(
        { url: `file://${remote}`, path: join(root, 'cache', 'apps'), branch: 'nope' },
        join(root, 'cache'),
      ),
    ).rejects.toThrow(/nope/);
  });

  it('never shows credentials of the clone URL in errors', async () => {
    const error = await snapshotBranch(
      { url: 'http://x-access-token:tok-SECRET@127.0.0.1:9/o/r.git', branch: 'main' },
      join(root, 'cache2'),
    ).catch((e: unknown) => e);
    expect(String(error)).not.toContain('tok-SECRET');
    expect(String(error)).toContain('127.0.0.1:9');
  });
});
