import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthFixDeps } from '../../src/checks/open-health-fix.js';
import { appsSchema } from '../../src/config/apps-schema.js';
import { createForge } from '../../src/forge/create-forge.js';
import type { Forge } from '../../src/forge/forge.js';
import { runGit } from '../../src/git/run-git.js';
import type { ProcessorContext } from '../../src/jobs/processor.js';
import { driftApproveProcessor } from '../../src/commands/remediation/drift-approve.js';
import { driftRevertProcessor } from '../../src/commands/remediation/drift-revert.js';
import { healthOpenFixProcessor } from '../../src/commands/health/health-open-fix-processor.js';
import { silentLogger } from '../../src/log.js';
import { createAuditTrailStore, type AuditTrailStore } from '../../src/store/audit-trail-store.js';
import { createAppsRemote } from './apps-remote.js';
import { uniquePrefix, useTestRedis } from './core-harness.js';

const compose =
  'services:\n  qbittorrent:\n    image: lscr.io/linuxserver/qbittorrent:4.6.7\n    network_mode: bridge\n';
const file = 'stacks/media-downloads/docker-compose.yml';
const requester = { platform: 'discord' as const, id: '111', name: 'operator' };

interface Clicked {
  readonly kind: string;
  readonly payload: Record<string, unknown>;
}

/** A processor context that keeps the buttons a processor creates (the click is replayed below). */
function context(buttons: Clicked[]): ProcessorContext {
  return {
    log: silentLogger(),
    attempt: 1,
    run: {
      runId: 'r',
      jobId: 'j',
      platform: 'discord',
      channelId: 'c',
      threadId: 't',
      rootMessageId: 'm',
      requester,
      command: '/health',
      status: 'running',
      createdAt: 'a',
      updatedAt: 'a',
    },
    createButton: (definition, payload, label, style = 'primary') => {
      buttons.push({ kind: definition.kind, payload });
      return Promise.resolve({ id: `act:${String(buttons.length)}`, label, style });
    },
    progress: () => Promise.resolve(),
    system: {
      version: 't',
      startedAt: new Date(0),
      uptimeMs: () => 0,
      recentRuns: () => Promise.resolve([]),
      queueCounts: () => Promise.resolve({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 }),
    },
  };
}

describe('a /health fix PR goes through the same Approve and Revert as drift remediation (plain git, real Redis)', () => {
  const db = useTestRedis();
  let dir: string;
  let bare: string;
  let forge: Forge;
  let fixDeps: HealthFixDeps;
  let trail: AuditTrailStore;
  const onMain = async (): Promise<string> => (await runGit(['--git-dir', bare, 'show', `main:${file}`])).stdout;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'checks-fix-approve-'));
    bare = await createAppsRemote(dir, { [file]: compose });
    const apps = appsSchema.parse({ url: `file://${bare}`, branch: 'main', forge: { type: 'git' } });
    const built = createForge(apps, { log: silentLogger(), workDir: join(dir, 'forge') });
    if (built === undefined) throw new Error('no forge');
    forge = built;
    fixDeps = { forge, apps, tmpDir: join(dir, 'clones'), now: () => new Date('2026-11-25T20:45:00Z') };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('offers Approve for the PR head; Approve merges it and records it; Revert restores main', async () => {
    trail = createAuditTrailStore({ redis: db.redis, prefix: uniquePrefix() });
    const before = await onMain();
    const buttons: Clicked[] = [];
    const fix = {
      stack: 'media-downloads',
      service: 'qbittorrent',
      field: 'network_mode',
      value: 'service:gluetun',
      reason: 'VPN kill switch',
    };
    const opened = await healthOpenFixProcessor(() => fixDeps, trail)(
      { runId: 'r', requester, actionId: 'a1', payload: fix },
      context(buttons),
    );
    expect(opened.status).toBe('ok');
    const pr = (await forge.listOpen({ label: 'drift-remediation' }))[0];
    expect(pr).toBeDefined();
    expect(buttons).toEqual([
      {
        kind: 'drift.approve',
        payload: { pr: pr?.number, headSha: pr?.headSha, stack: 'media-downloads', service: 'qbittorrent' },
      },
    ]);

    const remediation = {
      audit: () => Promise.reject(new Error('no audit in this test')),
      forge,
      apps: { branch: 'main', stacksDir: 'stacks' },
      hosts: [],
      tmpDir: join(dir, 'remediate'),
      now: () => new Date(),
    };
    const deps = { remediation, trail, gitLog: () => Promise.resolve([]) };
    const approveButton = buttons[0];
    if (approveButton === undefined) throw new Error('no Approve button');
    const merged = await driftApproveProcessor(deps)(
      { runId: 'r', requester, actionId: 'a2', payload: approveButton.payload as never },
      context(buttons),
    );
    expect(merged.status).toBe('ok');
    expect(await onMain()).toContain('network_mode: service:gluetun');
    const events = (await trail.since(new Date(0))).map((e) => e.event);
    expect(events.slice(0, 1)).toEqual(['opened']);
    expect(events).toContain('merged');

    const revertButton = buttons.find((b) => b.kind === 'drift.revert');
    if (revertButton === undefined) throw new Error('no Revert button after the merge');
    const reverted = await driftRevertProcessor(deps)(
      { runId: 'r', requester, actionId: 'a3', payload: revertButton.payload as never },
      context(buttons),
    );
    expect(reverted.status).toBe('ok');
    expect(await onMain()).toBe(before);
  });
});
