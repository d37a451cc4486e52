import { join } from 'node:path';
import { realAuditConnections } from './wired.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftAuditDeps, runDriftAuditCli } from '../../src/drift/cli-audit.js';
import { renderAuditJson, renderAuditMarkdown } from '../../src/drift/render-audit.js';
import { runAudit } from '../../src/drift/run-audit.js';
import { helmReleaseSecret } from '../../lab/emulators/kubernetes/helm-secret.js';
import { K3S_RELEASES, LIVE_SECRET, OPAQUE_SECRET, k3sClusterObjects } from '../fixtures/kubernetes/k3s-cluster.js';
import { startK8sLab, type K8sLab } from './k8s-harness.js';

const brief = (i: { kind: string; stack: string; service: string | null; path: string; severity: string }) =>
  `${i.kind} ${i.stack} ${i.service ?? '-'} ${i.path} ${i.severity}`;

describe('drift audit of a K3s + Helm cluster (helm-values) against the emulated API', () => {
  let lab: K8sLab;
  const cluster = () => ({
    name: 'homelab-k3s',
    flavour: 'helm-values' as const,
    access: { kubeconfig: lab.kubeconfigPath, context: 'emulated' },
  });

  beforeAll(async () => {
    lab = await startK8sLab('k3s-helm', () => k3sClusterObjects());
  });
  afterAll(async () => {
    await lab.close();
  });

  it('reports each planted drift once with its kind, path and severity, and nothing for clean releases', async () => {
    const { report } = await runAudit(
      driftAuditDeps(lab.config([cluster()]), { cacheDir: join(lab.work, 'cache'), ...realAuditConnections() }),
    );
    expect(report.hosts).toEqual([{ name: 'homelab-k3s', reachable: true }]);
    expect(report.commit).toBe(lab.head);
    expect(report.items.map(brief).sort()).toEqual([
      'changed apps/nextcloud nextcloud values.nextcloud.password functional',
      'changed apps/nextcloud nextcloud values.replicaCount functional',
      'changed infrastructure/cert-manager cert-manager chart.version functional',
      'missing-release apps/uptime-kuma uptime-kuma release monitoring/uptime-kuma breaking',
      'unmanaged-release tools adminer release tools/adminer functional',
    ]);
    expect(report.items.find((i) => i.path === 'values.replicaCount')).toMatchObject({
      host: 'homelab-k3s',
      expected: '1',
      actual: '2',
    });
    expect(report.items.find((i) => i.path === 'chart.version')).toMatchObject({
      expected: 'v1.16.2',
      actual: 'v1.16.3',
    });
    expect(report.items.find((i) => i.path === 'values.nextcloud.password')).toMatchObject({
      expected: '••••',
      actual: '•••• (changed)',
    });
    expect(report.servicesAudited).toBe(4);
    expect(lab.emu.schemaViolations).toEqual([]);
  });

  it('never shows a secret value in the Markdown or JSON report', async () => {
    const result = await runAudit(
      driftAuditDeps(lab.config([cluster()]), { cacheDir: join(lab.work, 'cache'), ...realAuditConnections() }),
    );
    for (const text of [renderAuditMarkdown(result), renderAuditJson(result.report)]) {
      expect(text).not.toContain(LIVE_SECRET);
      expect(text).not.toContain('git-side-placeholder');
      expect(text).not.toContain(OPAQUE_SECRET);
    }
  });

  it('gives no item when the cluster matches git, and the CLI exits 0', async () => {
    const clean = K3S_RELEASES.filter((r) => r.name !== 'adminer').map((r) => {
      if (r.name === 'nextcloud')
        return {
          ...r,
          values: {
            ...r.values,
            replicaCount: 1,
            nextcloud: { host: 'cloud.home.example', username: 'admin', password: 'git-side-placeholder' },
          },
        };
      if (r.name === 'cert-manager') return { ...r, chart: { ...r.chart, version: 'v1.16.2' } };
      return r;
    });
    const uptime = {
      name: 'uptime-kuma',
      namespace: 'monitoring',
      revision: 1,
      status: 'deployed' as const,
      chart: { name: 'uptime-kuma', version: '2.21.2', appVersion: '1.23.16' },
      values: {
        ingress: {
          enabled: true,
          hosts: [{ host: 'status.home.example', paths: [{ path: '/', pathType: 'Prefix' }] }],
        },
      },
    };
    lab.emu.setObjects([...clean, uptime].map(helmReleaseSecret));
    try {
      let out = '';
      const code = await runDriftAuditCli(
        lab.config([cluster()]),
        { json: true, host: undefined, stack: undefined },
        {
          write: (s: string) => {
            out += s;
            return true;
          },
        } as never,
        { cacheDir: join(lab.work, 'cache'), ...realAuditConnections() },
      );
      expect(JSON.parse(out).items).toEqual([]);
      expect(code).toBe(0);
    } finally {
      lab.emu.setObjects(k3sClusterObjects());
    }
  });

  it('filters by cluster and component folder, and reports an unreachable cluster without stopping', async () => {
    const deps = driftAuditDeps(
      lab.config([
        cluster(),
        { name: 'gone', flavour: 'helm-values', access: { kubeconfig: join(lab.work, 'nope.yaml') } },
      ]),
      { cacheDir: join(lab.work, 'cache'), ...realAuditConnections() },
    );
    const one = await runAudit(deps, { host: 'homelab-k3s', stack: 'apps/nextcloud' });
    expect(one.report.items.map((i) => i.path).sort()).toEqual(['values.nextcloud.password', 'values.replicaCount']);
    const all = await runAudit(deps);
    expect(all.report.hosts.find((h) => h.name === 'gone')).toMatchObject({ reachable: false });
    expect(all.report.items.length).toBe(5);
  });
});
