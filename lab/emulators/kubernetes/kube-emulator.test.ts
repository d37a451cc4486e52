import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReleaseData } from '../../../src/k8s/helm-release.js';
import { K3S_RELEASES, k3sClusterObjects } from '../../../test/fixtures/kubernetes/k3s-cluster.js';
import { startKubeEmulator, type KubeEmulator } from './kube-emulator.js';
import { kubectlFor, type Kubectl } from './kubectl.js';
import { schemaErrors } from './kube-schemas.js';

describe('Kubernetes API emulator, read by the real kubectl', () => {
  let emu: KubeEmulator;
  let kubectl: Kubectl;

  beforeAll(async () => {
    emu = await startKubeEmulator(k3sClusterObjects());
    kubectl = await kubectlFor(emu.kubeconfig());
  });
  afterAll(async () => {
    await kubectl.dispose();
    await emu.close();
  });

  it('every fixture object is valid against the Kubernetes OpenAPI schemas', () => {
    expect(k3sClusterObjects().flatMap((o) => schemaErrors(o))).toEqual([]);
  });

  it('rejects an object that breaks its schema (the validator can fail)', () => {
    expect(schemaErrors({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' }, data: { a: 5 } }).join()).toMatch(
      /must be string/,
    );
  });

  it('kubectl get secrets with a label selector returns the Helm release Secrets, cluster-wide', async () => {
    const list = await kubectl.getJson(['secrets', '-A', '-l', 'owner=helm']);
    const names = (list.items ?? []).map((s) => (s['metadata'] as { name: string }).name).sort();
    expect(names).toEqual(K3S_RELEASES.map((r) => `sh.helm.release.v1.${r.name}.v${String(r.revision)}`).sort());
    expect(emu.schemaViolations).toEqual([]);
  });

  it('kubectl reads one release Secret by name, and its data decodes the way Helm encoded it', async () => {
    const secret = await kubectl.getJson(['secret', '-n', 'nextcloud', 'sh.helm.release.v1.nextcloud.v7']);
    expect(secret['type']).toBe('helm.sh/release.v1');
    const release = decodeReleaseData((secret['data'] as { release: string }).release) as {
      name: string;
      version: number;
      config: { replicaCount: number };
    };
    expect(release).toMatchObject({ name: 'nextcloud', version: 7, config: { replicaCount: 2 } });
  });

  it('kubectl lists nodes, pods by namespace and custom resources through discovery', async () => {
    expect((await kubectl.getJson(['nodes'])).items?.map((n) => (n['metadata'] as { name: string }).name)).toEqual([
      'k3s-node-1',
      'k3s-node-2',
    ]);
    expect((await kubectl.getJson(['pods', '-n', 'tools'])).items).toHaveLength(1);
    expect((await kubectl.getJson(['certificates.cert-manager.io', '-A'])).items).toHaveLength(2);
    expect(await kubectl.run(['get', 'pvc', '-A', '-o', 'name'])).toBe(
      'persistentvolumeclaim/nextcloud-data\npersistentvolumeclaim/grafana-storage\n',
    );
    expect(emu.schemaViolations).toEqual([]);
  });

  it('answers an unknown object with a NotFound Status that kubectl reports', async () => {
    const error = await kubectl.run(['get', 'secret', '-n', 'nextcloud', 'nope']).then(
      () => undefined,
      (e: unknown) => e as { stderr: string },
    );
    expect(error?.stderr).toMatch(/NotFound|not found/);
  });
});
