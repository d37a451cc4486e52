import { readFile } from 'node:fs/promises';
import { realAuditConnections } from './wired.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftAuditDeps } from '../../src/drift/cli-audit.js';
import { runAudit } from '../../src/drift/run-audit.js';
import { createForge } from '../../src/forge/create-forge.js';
import type { ProcessorContext } from '../../src/jobs/processor.js';
import { remediationProcessors } from '../../src/commands/remediation/remediation-processors.js';
import { remediationJobDeps } from '../../src/commands/remediation/remediation-wiring.js';
import { silentLogger } from '../../src/log.js';
import { createAuditTrailStore } from '../../src/store/audit-trail-store.js';
import { LIVE_SECRET, k3sClusterObjects } from '../fixtures/kubernetes/k3s-cluster.js';
import { git } from '../../lab/apps-repo.js';
import { uniquePrefix, useTestRedis } from './core-harness.js';
import { startK8sLab, type K8sLab } from './k8s-harness.js';

const log = silentLogger();
const requester = { platform: 'shell' as const, id: 'op', name: 'operator' };
type Button = { kind: string; payload: Record<string, unknown>; label: string };

function context(buttons: Button[]): ProcessorContext {
  return {
    log,
    attempt: 1,
    run: {
      runId: 'r',
      jobId: 'j',
      platform: 'shell',
      channelId: 'c',
      threadId: 't',
      rootMessageId: 'm',
      requester,
      command: '/drift fix',
      status: 'running',
      createdAt: 'a',
      updatedAt: 'a',
    },
    createButton: (definition, payload, label, style = 'primary') => {
      buttons.push({ kind: definition.kind, payload, label });
      return Promise.resolve({ id: `act:${String(buttons.length)}`, label, style });
    },
    progress: () => Promise.resolve(),
    system: {
      version: 't',
      startedAt: new Date(0),
      uptimeMs: () => 0,
      recentRuns: () => Promise.resolve([]),
      queueCounts: () => Promise.resolve({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 }),
      health: { save: () => Promise.resolve(), last: () => Promise.resolve(undefined) },
    },
  };
}

describe('/drift fix + Approve + Revert on helm-values drift (plain git forge, emulated cluster)', () => {
  const redis = useTestRedis();
  let lab: K8sLab;
  const cluster = () => ({
    name: 'homelab-k3s',
    flavour: 'helm-values' as const,
    access: { kubeconfig: lab.kubeconfigPath },
  });
  /** A file at a ref of the remote (a PR head sha or `main`). */
  const remoteFile = async (ref: string, path: string): Promise<string> => {
    await git(lab.clone, ['fetch', '-q', 'origin', '+refs/heads/*:refs/remotes/origin/*']);
    return git(lab.clone, ['show', `${ref === 'main' ? 'origin/main' : ref}:${path}`]);
  };
  const mainFile = (path: string): Promise<string> => remoteFile('main', path);

  beforeAll(async () => {
    lab = await startK8sLab('k3s-helm', () => k3sClusterObjects());
  });
  afterAll(async () => {
    await lab.close();
  });

  function processors() {
    const config = lab.config([cluster()]);
    const forge = createForge(config.apps!, { log })!;
    const trail = createAuditTrailStore({ redis: redis.redis, prefix: uniquePrefix() });
    return {
      config,
      procs: remediationProcessors(
        remediationJobDeps(config, {
          trail,
          forge,
          log,
          cacheDir: join(lab.work, 'cache'),
          connections: realAuditConnections(log),
        }),
      ),
    };
  }

  it('opens a PR writing the live values back with comments kept, merges it on Approve, and Revert restores git', async () => {
    const { config, procs } = processors();
    const original = await readFile(join(lab.clone, 'apps/nextcloud/values-homelab.yaml'), 'utf8');
    const buttons: Button[] = [];
    const opened = await procs['drift.fix'](
      { runId: 'r1', requester, options: { stack: 'apps/nextcloud', service: 'nextcloud', host: 'homelab-k3s' } },
      context(buttons),
    );
    expect(opened.status).toBe('ok');
    expect(opened.lines).toContain('• `values.replicaCount` (apps/nextcloud/values-homelab.yaml): 1 → 2');
    expect(
      opened.lines?.some((l) => l.includes('values.nextcloud.password') && l.includes('never written to git')),
    ).toBe(true);
    expect(JSON.stringify(opened)).not.toContain(LIVE_SECRET);
    const approveButton = buttons.find((b) => b.kind === 'drift.approve')!;
    const headSha = approveButton.payload['headSha'] as string;
    const proposed = await remoteFile(headSha, 'apps/nextcloud/values-homelab.yaml');
    expect(proposed).toBe(original.replace('replicaCount: 1 # one pod', 'replicaCount: 2 # one pod'));
    expect(proposed).not.toContain(LIVE_SECRET);

    const merged = await procs['drift.approve'](
      { runId: 'r2', requester, actionId: 'act:approve', payload: approveButton.payload as never },
      context(buttons),
    );
    expect(merged.status).toBe('ok');
    expect(await mainFile('apps/nextcloud/values-homelab.yaml')).toContain(
      'replicaCount: 2 # one pod is enough for four users',
    );
    const after = await runAudit(
      driftAuditDeps(config, { cacheDir: join(lab.work, 'reaudit'), ...realAuditConnections() }),
      {
        host: 'homelab-k3s',
        stack: 'apps/nextcloud',
      },
    );
    // The values file now matches the release; only the secret (kept out of git on purpose) differs.
    expect(after.report.items.map((i) => i.path)).toEqual(['values.nextcloud.password']);

    const revertButton = buttons.find((b) => b.kind === 'drift.revert')!;
    const reverted = await procs['drift.revert'](
      { runId: 'r3', requester, actionId: 'act:revert', payload: revertButton.payload as never },
      context(buttons),
    );
    expect(reverted.status).toBe('ok');
    expect(await mainFile('apps/nextcloud/values-homelab.yaml')).toBe(original);
  });

  it('moves the pinned --version of a continued install command to the deployed chart version', async () => {
    const { procs } = processors();
    const buttons: Button[] = [];
    const opened = await procs['drift.fix'](
      {
        runId: 'r4',
        requester,
        options: { stack: 'infrastructure/cert-manager', service: 'cert-manager', host: undefined },
      },
      context(buttons),
    );
    expect(opened.status).toBe('ok');
    const headSha = buttons.find((b) => b.kind === 'drift.approve')!.payload['headSha'] as string;
    const script = await remoteFile(headSha, 'infrastructure/cert-manager/install.sh');
    expect(script).toContain('  --version v1.16.3 \\\n');
    expect(script).not.toContain('v1.16.2');
  });

  it('refuses to open a PR for a Flux-style or not-installed drift that cannot be written back', async () => {
    const { procs } = processors();
    const error = await procs['drift.fix'](
      { runId: 'r5', requester, options: { stack: 'apps/uptime-kuma', service: 'uptime-kuma', host: undefined } },
      context([]),
    ).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      /Nothing of apps\/uptime-kuma\/uptime-kuma can be written back to git \(release monitoring\/uptime-kuma: the release is not installed/,
    );
  });
});
