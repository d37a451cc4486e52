import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveRemediation } from '../../src/drift/remediate/approve-remediation.js';
import { revertRemediation } from '../../src/drift/remediate/revert-remediation.js';
import type { Forge } from '../../src/forge/forge.js';
import { createGitHubForge } from '../../src/forge/github-forge.js';
import { silentLogger } from '../../src/log.js';
import { createAuditTrailStore, type AuditTrailStore } from '../../src/store/audit-trail-store.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../lab/emulators/github/github-emulator.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { bareGit } from './remediation-harness.js';

const files = { 'stacks/web/docker-compose.yml': 'services:\n  web:\n    image: nginx:1.25\n' };
const discordAlice = { platform: 'discord' as const, id: '1200', name: 'alice' };
const slackAlice = { platform: 'slack' as const, id: 'U01', name: 'alice' };

describe('approve and revert against the GitHub emulator (real git, real Redis)', () => {
  let gh: GitHubEmulator;
  let redis: PrivateRedis;
  let client: Redis;
  let trail: AuditTrailStore;
  let forge: Forge;
  let tmpDir: string;

  beforeAll(async () => {
    gh = await startGitHubEmulator({ files });
    redis = await startTestRedis();
    client = new Redis(redis.url);
    trail = createAuditTrailStore({ redis: client, prefix: uniquePrefix() });
    forge = createGitHubForge({
      owner: gh.owner,
      repo: gh.repo,
      token: gh.token,
      apiUrl: gh.url,
      cloneUrl: gh.cloneUrl,
      log: silentLogger(),
    });
    tmpDir = await mkdtemp(join(tmpdir(), 'remediation-approve-'));
  });
  afterAll(async () => {
    await client.quit();
    await redis.stop();
    await gh.close();
    await rm(tmpDir, { recursive: true, force: true });
  });

  async function openPr(branch: string, tag: string): Promise<{ number: number; headSha: string }> {
    await gh.bare.commit({
      branch,
      from: 'main',
      files: { 'stacks/web/docker-compose.yml': `services:\n  web:\n    image: nginx:${tag}\n` },
      message: `fix(web): sync web with running state`,
    });
    const pr = await forge.openPullRequest({
      branch,
      base: 'main',
      title: 'fix(web): sync web with running state',
      body: 'x',
      labels: ['drift-remediation'],
    });
    return { number: pr.number, headSha: pr.headSha };
  }

  it('merges exactly once when Approve is clicked on Discord and Slack at the same time', async () => {
    const pr = await openPr('fix/drift-web-202611251900', '1.26');
    const input = { pr: pr.number, headSha: pr.headSha, stack: 'web', service: 'web' };
    const deps = { forge, trail, tmpDir };
    const outcomes = await Promise.all([
      approveRemediation(deps, { ...input, actionId: 'discord-button', approver: discordAlice }),
      approveRemediation(deps, { ...input, actionId: 'slack-button', approver: slackAlice }),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['merged', 'refused']);
    expect(outcomes.find((o) => o.kind === 'refused')).toMatchObject({ code: 'already-approved' });
    expect(await bareGit(gh.bare.path, ['rev-list', '--merges', '--count', 'main'])).toBe('1\n');
    expect(gh.pull(pr.number)?.comments).toHaveLength(1);
    const events = (await trail.since(new Date(0)))
      .filter((e) => e.pr === pr.number)
      .map((e) => e.event)
      .sort();
    expect(events).toEqual(['approved', 'merged', 'refused']);
  });

  it('a retried Approve job (same button) reports the merge instead of merging again', async () => {
    const pr = await openPr('fix/drift-web-202611251901', '1.27');
    const input = {
      pr: pr.number,
      headSha: pr.headSha,
      stack: 'web',
      service: 'web',
      actionId: 'same-button',
      approver: discordAlice,
    };
    const first = await approveRemediation({ forge, trail, tmpDir }, input);
    const again = await approveRemediation({ forge, trail, tmpDir }, input);
    expect(first.kind).toBe('merged');
    expect(again).toMatchObject({ kind: 'merged', mergeSha: first.kind === 'merged' ? first.mergeSha : '' });
    expect(await bareGit(gh.bare.path, ['rev-list', '--merges', '--count', 'main'])).toBe('2\n');
  });

  it('reverts a merge so main has the tree it had before, and refuses to revert an open PR', async () => {
    const open = await openPr('fix/drift-web-202611251902', '1.28');
    const refused = await revertRemediation(
      { forge, trail, tmpDir },
      { pr: open.number, stack: 'web', service: 'web', requester: discordAlice },
    );
    expect(refused).toMatchObject({ kind: 'refused', code: 'not-merged' });
    const before = await bareGit(gh.bare.path, ['rev-parse', 'main^{tree}']);
    const merged = await approveRemediation(
      { forge, trail, tmpDir },
      { pr: open.number, headSha: open.headSha, stack: 'web', service: 'web', actionId: 'b3', approver: discordAlice },
    );
    expect(merged.kind).toBe('merged');
    expect(await bareGit(gh.bare.path, ['rev-parse', 'main^{tree}'])).not.toBe(before);
    const reverted = await revertRemediation(
      { forge, trail, tmpDir },
      { pr: open.number, stack: 'web', service: 'web', requester: discordAlice },
    );
    expect(reverted).toMatchObject({ kind: 'reverted', branch: 'revert/fix/drift-web-202611251902' });
    expect(await bareGit(gh.bare.path, ['rev-parse', 'main^{tree}'])).toBe(before);
    expect(gh.violations).toEqual([]);
  });
});
