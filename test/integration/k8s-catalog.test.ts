import { join } from 'node:path';
import { realAuditConnections } from './wired.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCatalog } from '../../src/catalog/collect-catalog.js';
import { renderCatalogTable } from '../../src/catalog/render-catalog-table.js';
import { driftAuditDeps } from '../../src/drift/cli-audit.js';
import { fluxClusterObjects } from '../fixtures/kubernetes/flux-cluster.js';
import { k3sClusterObjects } from '../fixtures/kubernetes/k3s-cluster.js';
import { startK8sLab, type K8sLab } from './k8s-harness.js';

describe('/catalog includes cluster workloads', () => {
  let k3s: K8sLab;
  let flux: K8sLab;

  beforeAll(async () => {
    k3s = await startK8sLab('k3s-helm', () => k3sClusterObjects());
    flux = await startK8sLab('flux', fluxClusterObjects);
  });
  afterAll(async () => {
    await k3s.close();
    await flux.close();
  });

  it('lists each workload with namespace, chart/version or manifest, image, readiness and ingress URL', async () => {
    const config = k3s.config([
      { name: 'homelab-k3s', flavour: 'helm-values', access: { kubeconfig: k3s.kubeconfigPath } },
      { name: 'homelab-talos', flavour: 'flux', access: { kubeconfig: flux.kubeconfigPath } },
      { name: 'offline', flavour: 'flux', access: { kubeconfig: join(k3s.work, 'missing-kubeconfig') } },
    ]);
    const catalog = await collectCatalog(
      driftAuditDeps(config, { cacheDir: join(k3s.work, 'cache'), ...realAuditConnections() }),
    );
    expect(catalog.hosts.map((h) => `${h.name}:${String(h.reachable)}`)).toEqual([
      'homelab-k3s:true',
      'homelab-talos:true',
      'offline:false',
    ]);
    expect(catalog.entries.find((e) => e.service === 'nextcloud')).toMatchObject({
      host: 'homelab-k3s',
      stack: 'nextcloud',
      image: 'nextcloud:30.0.2-apache',
      version: 'nextcloud 6.2.4 (chart)',
      url: 'https://cloud.home.example',
      state: 'Deployment 1/1 ready',
      origin: 'git+running',
    });
    expect(catalog.entries.find((e) => e.service === 'whoami')).toMatchObject({
      host: 'homelab-talos',
      stack: 'whoami',
      version: 'v1.10.3 (manifest)',
    });
    const table = renderCatalogTable(catalog);
    expect(table).toContain(
      '| adminer | tools | homelab-k3s | `adminer:4.8.1` | adminer 0.2.1 (chart) | — | Deployment 1/1 ready |',
    );
    expect(table).toContain('offline could not be read');
  });
});
