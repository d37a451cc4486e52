import { join } from 'node:path';
import { realAuditConnections } from './wired.js';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftAuditDeps, runDriftLintCli } from '../../src/drift/cli-audit.js';
import { runAudit } from '../../src/drift/run-audit.js';
import { kubectlFor } from '../../lab/emulators/kubernetes/kubectl.js';
import { OLD_SHA, fluxClusterObjects } from '../fixtures/kubernetes/flux-cluster.js';
import { git } from '../../lab/apps-repo.js';
import { startK8sLab, type K8sLab } from './k8s-harness.js';

const brief = (i: { kind: string; stack: string; service: string | null; path: string; severity: string }) =>
  `${i.kind} ${i.stack} ${i.service ?? '-'} ${i.path} ${i.severity}`;

function capture(): { out: Writable; text: () => string } {
  let text = '';
  return {
    out: new Writable({
      write(chunk: Buffer, _e, done) {
        text += chunk.toString();
        done();
      },
    }),
    text: () => text,
  };
}

describe('Flux cluster: status drift audit and convention lint', () => {
  let lab: K8sLab;
  const cluster = () => ({
    name: 'homelab-talos',
    flavour: 'flux' as const,
    access: { kubeconfig: lab.kubeconfigPath },
  });

  beforeAll(async () => {
    lab = await startK8sLab('flux', fluxClusterObjects);
  });
  afterAll(async () => {
    await lab.close();
  });

  it('kubectl get returns the Flux fixtures (wire fidelity)', async () => {
    const kubectl = await kubectlFor(lab.emu.kubeconfig());
    try {
      const ks = await kubectl.getJson(['kustomizations.kustomize.toolkit.fluxcd.io', '-n', 'flux-system']);
      expect(ks.items?.map((k) => (k['metadata'] as { name: string }).name)).toEqual([
        'flux-system',
        'apps',
        'infra-configs',
        'monitoring',
        'databases',
      ]);
      const hr = await kubectl.getJson(['helmreleases.helm.toolkit.fluxcd.io', '-A']);
      expect(hr.items).toHaveLength(2);
      const events = await kubectl.getJson(['events', '-n', 'apps', '--field-selector', 'reason=DriftDetected']);
      expect(events.items?.map((e) => e['reason'])).toEqual(['DriftDetected']);
    } finally {
      await kubectl.dispose();
    }
    expect(lab.emu.schemaViolations).toEqual([]);
  });

  it('reports each Flux state once with kind, path and severity, with the reason Flux gives', async () => {
    const { report } = await runAudit(
      driftAuditDeps(lab.config([cluster()]), { cacheDir: join(lab.work, 'cache'), ...realAuditConnections() }),
    );
    expect(report.hosts).toEqual([{ name: 'homelab-talos', reachable: true }]);
    expect(report.items.map(brief)).toEqual([
      'not-ready flux-system kustomization/infra-configs status.conditions[Ready] breaking',
      'suspended flux-system kustomization/monitoring spec.suspend functional',
      'behind-git flux-system kustomization/databases status.lastAppliedRevision functional',
      'drift-detected apps helmrelease/podinfo drift[Deployment/apps/podinfo] functional',
    ]);
    expect(report.items[0]?.actual).toContain(
      "False (BuildFailed): kustomize build failed: accumulating resources: 'infrastructure/configs/issuer.yaml' not found",
    );
    expect(report.items[2]).toMatchObject({ expected: `main@sha1:${lab.head}`, actual: `main@sha1:${OLD_SHA}` });
    expect(report.items[3]?.actual).toBe('changed (0 additions, 1 changes, 0 removals) (DriftDetected, mode warn)');
    expect(lab.emu.schemaViolations).toEqual([]);
  });

  it('reports the GitRepository behind git once git moves on', async () => {
    await git(lab.clone, ['commit', '-q', '--allow-empty', '-m', 'chore: bump']);
    await git(lab.clone, ['push', '-q', 'origin', 'main']);
    try {
      const { report } = await runAudit(
        driftAuditDeps(lab.config([cluster()]), { cacheDir: join(lab.work, 'cache'), ...realAuditConnections() }),
      );
      const behind = report.items.filter((i) => i.kind === 'behind-git').map(brief);
      expect(behind).toEqual([
        'behind-git flux-system gitrepository/flux-system status.artifact.revision functional',
        'behind-git flux-system kustomization/databases status.lastAppliedRevision functional',
      ]);
    } finally {
      await git(lab.clone, ['reset', '-q', '--hard', 'HEAD~1']);
      await git(lab.clone, ['push', '-q', '--force', 'origin', 'main']);
    }
  });

  it('drift lint exits 1 listing every planted violation with file:line, and 0 once they are fixed', async () => {
    const config = lab.config([cluster()]);
    const first = capture();
    expect(await runDriftLintCli(config, { json: true }, first.out, { cacheDir: join(lab.work, 'lint-cache') })).toBe(
      1,
    );
    const report = JSON.parse(first.text()) as { findings: { file: string; line: number; rule: string }[] };
    expect(report.findings).toHaveLength(12);
    expect(report.findings.map((f) => `${f.file}:${String(f.line)}`)).toContain('apps/vaultwarden/secret.yaml:2');
    await git(lab.clone, ['rm', '-q', '-r', 'apps/vaultwarden', 'apps/paperless', 'apps/linkding']);
    await git(lab.clone, ['commit', '-q', '-m', 'chore: drop the non-compliant services']);
    await git(lab.clone, ['push', '-q', 'origin', 'main']);
    try {
      const second = capture();
      expect(
        await runDriftLintCli(config, { json: false }, second.out, { cacheDir: join(lab.work, 'lint-cache') }),
      ).toBe(0);
      expect(second.text()).toContain('0 finding(s)');
    } finally {
      await git(lab.clone, ['reset', '-q', '--hard', 'HEAD~1']);
      await git(lab.clone, ['push', '-q', '--force', 'origin', 'main']);
    }
  });
});
