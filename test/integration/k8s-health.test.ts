import { Writable } from 'node:stream';
import { realConnections } from '../../src/app/real-adapters.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHealthCli } from '../../src/checks/cli-health.js';
import { renderHealthLines } from '../../src/checks/render-health.js';
import type { HealthRun } from '../../src/checks/run-checks.js';
import { silentLogger } from '../../src/log.js';
import { fluxClusterObjects } from '../fixtures/kubernetes/flux-cluster.js';
import { k3sClusterObjects, LIVE_SECRET, OPAQUE_SECRET } from '../fixtures/kubernetes/k3s-cluster.js';
import { startK8sLab, type K8sLab } from './k8s-harness.js';

describe('/health for clusters against the emulated K3s and Flux clusters', () => {
  let k3s: K8sLab;
  let flux: K8sLab;
  let run: HealthRun;
  let code: number;

  beforeAll(async () => {
    k3s = await startK8sLab('k3s-helm', () => k3sClusterObjects());
    flux = await startK8sLab('flux', fluxClusterObjects);
    const config = k3s.config([
      { name: 'homelab-k3s', flavour: 'helm-values', access: { kubeconfig: k3s.kubeconfigPath } },
      { name: 'homelab-talos', flavour: 'flux', access: { kubeconfig: flux.kubeconfigPath } },
    ]);
    let text = '';
    const out = new Writable({
      write(chunk: Buffer, _e, done) {
        text += chunk.toString();
        done();
      },
    });
    code = await runHealthCli(config, { json: true }, out, silentLogger(), realConnections(config));
    run = JSON.parse(text) as HealthRun;
  });
  afterAll(async () => {
    await k3s.close();
    await flux.close();
  });

  const outcome = (id: string) => run.outcomes.find((o) => o.id === id);

  it('fails on a NotReady node, a crash-looping pod, an unbound PVC and a certificate not Ready, each with a suggestion', () => {
    expect(code).toBe(1);
    expect(outcome('kubernetes.nodes:homelab-k3s')).toMatchObject({
      status: 'fail',
      findings: [{ summary: 'Node k3s-node-2 is not Ready.' }],
    });
    const pods = outcome('kubernetes.pods:homelab-k3s');
    expect(pods?.status).toBe('fail');
    expect(pods?.findings.map((f) => f.summary)).toEqual([
      'Pod tools/adminer-5f6d7c8b9-xyz12 is crash-looping (14 restarts).',
      'Pod monitoring/kube-prometheus-stack-grafana-0 is Pending.',
    ]);
    expect(pods?.findings[0]?.suggestion).toContain('kubectl logs -n tools adminer-5f6d7c8b9-xyz12 --previous');
    expect(outcome('kubernetes.pvcs:homelab-k3s')?.findings.map((f) => f.summary)).toEqual([
      'PVC monitoring/grafana-storage is Pending.',
    ]);
    expect(outcome('kubernetes.certificates:homelab-k3s')?.findings.map((f) => f.summary)).toEqual([
      'Certificate monitoring/grafana-home-example is not Ready.',
    ]);
  });

  it('fails on a failing Flux source with the reason Flux gives, and passes what is healthy', () => {
    const sources = outcome('kubernetes.flux-sources:homelab-talos');
    expect(sources?.status).toBe('fail');
    expect(sources?.findings.map((f) => f.summary)).toEqual(['Flux HelmRepository flux-system/podinfo is failing.']);
    expect(sources?.findings[0]?.diagnosis).toContain('503 Service Unavailable');
    expect(outcome('kubernetes.flux-sources:homelab-k3s')).toMatchObject({ status: 'ok', note: 'no Flux sources' });
    expect(outcome('kubernetes.pvcs:homelab-talos')?.status).toBe('ok');
  });

  it('groups the cluster checks under Kubernetes in the checklist and shows no secret', () => {
    const lines = renderHealthLines(run);
    expect(lines[0]).toBe('**Kubernetes clusters**');
    const all = JSON.stringify(run);
    expect(all).not.toContain(LIVE_SECRET);
    expect(all).not.toContain(OPAQUE_SECRET);
  });
});
