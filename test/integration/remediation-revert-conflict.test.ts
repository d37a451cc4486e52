import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revertInOrder } from '../../src/drift/remediate/revert-chain.js';
import { revertRemediation } from '../../src/drift/remediate/revert-remediation.js';
import { createForge } from '../../src/forge/create-forge.js';
import type { Forge } from '../../src/forge/forge.js';
import { runGit } from '../../src/git/run-git.js';
import { silentLogger } from '../../src/log.js';
import type { AuditTrailStore, TrailEntry } from '../../src/store/audit-trail-store.js';

const author = {
  GIT_AUTHOR_NAME: 'bot',
  GIT_AUTHOR_EMAIL: 'bot@x',
  GIT_COMMITTER_NAME: 'bot',
  GIT_COMMITTER_EMAIL: 'bot@x',
};
const who = { platform: 'shell' as const, id: 'alice', name: 'alice' };

/** An in-memory trail (the port's contract, no Redis needed for this git-only test). */
function memoryTrail(): AuditTrailStore & { entries: TrailEntry[] } {
  const entries: TrailEntry[] = [];
  return {
    entries,
    record: async (e) => {
      const full = { ...e, at: new Date().toISOString() } as TrailEntry;
      entries.push(full);
      return Promise.resolve(full);
    },
    since: async () => Promise.resolve([...entries]),
    claimMerge: async (_pr, _sha, claimant) => Promise.resolve({ won: true, holder: claimant }),
  };
}

describe('revert of a remediation PR that later merges overlap (real git, plain git forge)', () => {
  let root = '';
  let bare = '';
  let forge: Forge;
  const git = async (args: string[], cwd: string) => (await runGit(args, { cwd, env: author })).stdout.trim();

  async function mergeEdit(branch: string, text: string): Promise<number> {
    const dir = await mkdtemp(join(root, 'caller-'));
    await runGit(['clone', '--quiet', forge.remote.url, dir], { env: forge.remote.env });
    await git(['checkout', '--quiet', '-b', branch], dir);
    await writeFile(join(dir, 'stacks', 'app', 'docker-compose.yml'), text);
    await git(['commit', '--quiet', '-am', `fix(app): ${branch}`], dir);
    await git(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], dir);
    const sha = await git(['rev-parse', 'HEAD'], dir);
    await rm(dir, { recursive: true, force: true });
    const pr = await forge.openPullRequest({
      branch,
      base: 'main',
      title: `fix(app): ${branch}`,
      body: 'b',
      labels: ['drift-remediation'],
    });
    await forge.merge(pr.number, {
      expectedHeadSha: sha,
      commitTitle: `Merge pull request #${pr.number} from ${branch}`,
    });
    return pr.number;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'hlb-rm-revert-'));
    bare = join(root, 'apps.git');
    await runGit(['init', '--quiet', '--bare', '--initial-branch=main', bare]);
    const seed = join(root, 'seed');
    await runGit(['init', '--quiet', '--initial-branch=main', seed]);
    await import('node:fs/promises').then((fs) => fs.mkdir(join(seed, 'stacks', 'app'), { recursive: true }));
    await writeFile(join(seed, 'stacks', 'app', 'docker-compose.yml'), 'services:\n  app:\n    image: x:1\n');
    await git(['add', '.'], seed);
    await git(['commit', '--quiet', '-m', 'seed'], seed);
    await git(['push', '--quiet', bare, 'HEAD:main'], seed);
    forge = createForge(
      { url: `file://${bare}`, branch: 'main', stacksDir: 'stacks', forge: { type: 'git' } },
      { log: silentLogger(), workDir: join(root, 'work') },
    )!;
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('refuses before pushing anything, naming the later merge to revert first', async () => {
    const first = await mergeEdit('fix/drift-app-1', 'services:\n  app:\n    image: x:2\n');
    await mergeEdit('fix/drift-app-2', 'services:\n  app:\n    image: x:3\n');
    const refsBefore = await git(['for-each-ref', '--format=%(refname) %(objectname)'], bare);
    const trail = memoryTrail();
    const outcome = await revertRemediation(
      { forge, trail, tmpDir: join(root, 'tmp') },
      { pr: first, stack: 'app', service: 'app', requester: who },
    );
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.code).toBe('revert-conflict');
    expect(outcome.message).toContain('PR #2 (');
    expect(outcome.message).toContain('Nothing was pushed');
    expect(await git(['for-each-ref', '--format=%(refname) %(objectname)'], bare)).toBe(refsBefore);
    expect(trail.entries.map((e) => e.event)).toEqual(['refused']);
    expect(await import('node:fs/promises').then((fs) => fs.readdir(join(root, 'tmp')))).toEqual([]);
  });

  it('names the later PRs newest first and reverts them all in order on request, back to the seed tree', async () => {
    const seedTree = await git(['rev-parse', 'main~2^{tree}'], bare);
    const third = await mergeEdit('fix/drift-app-3', 'services:\n  app:\n    image: x:4\n');
    const trail = memoryTrail();
    const deps = { forge, trail, tmpDir: join(root, 'tmp') };
    const refused = await revertRemediation(deps, { pr: 1, stack: 'app', service: 'app', requester: who });
    expect(refused.kind).toBe('refused');
    if (refused.kind !== 'refused') return;
    expect(refused.later?.map((m) => m.pr)).toEqual([third, 2]);
    expect(refused.message).toMatch(/newest first: PR #3 \(.*\); PR #2 \(/);
    expect(refused.message).toContain('#3, then #2, then #1');

    const refsBefore = await git(['for-each-ref', '--format=%(refname) %(objectname)'], bare);
    const conflicting = await revertInOrder(deps, { prs: [2, 1], stack: 'app', service: 'app', requester: who });
    expect(conflicting.kind).toBe('refused');
    expect(await git(['for-each-ref', '--format=%(refname) %(objectname)'], bare)).toBe(refsBefore);

    const done = await revertInOrder(deps, { prs: [third, 2, 1], stack: 'app', service: 'app', requester: who });
    expect(done.kind).toBe('reverted');
    expect(await git(['rev-parse', 'main^{tree}'], bare)).toBe(seedTree);
    expect(trail.entries.filter((e) => e.event === 'reverted').map((e) => e.pr)).toEqual([third, 2, 1]);
    expect(await import('node:fs/promises').then((fs) => fs.readdir(join(root, 'tmp')))).toEqual([]);
  });
});
