import { describe, expect, it } from 'vitest';
import { appConfigSchema } from './schema.js';

const messages = (input: unknown): string[] => {
  const result = appConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('clusters config', () => {
  it('fills the layout defaults of each flavour', () => {
    const config = appConfigSchema.parse({
      clusters: [
        { name: 'k3s', flavour: 'helm-values', access: { kubeconfig: '/k', context: 'home' } },
        { name: 'talos', flavour: 'flux', access: { inCluster: true } },
      ],
    });
    expect(config.clusters[0]).toMatchObject({
      layout: {
        componentDirs: ['infrastructure', 'apps', 'monitoring'],
        valuesFile: 'values-homelab.yaml',
        installFiles: ['install.sh', 'README.md'],
      },
    });
    expect(config.clusters[1]).toMatchObject({
      access: { inCluster: true },
      layout: { serviceDirs: ['apps'], gitRepository: 'flux-system/flux-system' },
    });
  });

  it.each([
    [
      { clusters: [{ name: 'c', flavour: 'argo', access: { inCluster: true } }] },
      'clusters.0.flavour: expected flavour to be "helm-values" or "flux"',
    ],
    [
      { clusters: [{ name: 'c', flavour: 'flux', access: {} }] },
      'clusters.0.access: expected exactly one of kubeconfig (a file path) or inCluster: true',
    ],
    [
      { clusters: [{ name: 'c', flavour: 'flux', access: { inCluster: true }, layout: { serviceDir: ['x'] } }] },
      'clusters.0.layout',
    ],
    [
      {
        hosts: [{ name: 'c', endpoint: 'e', ssh: { host: 'h', privateKeyPath: '/k', knownHostsPath: '/kh' } }],
        clusters: [{ name: 'c', flavour: 'flux', access: { inCluster: true } }],
      },
      "clusters.0.name: cluster name 'c' is already a host name",
    ],
  ])('rejects %j', (input, expected) => {
    expect(messages(input).join('\n')).toContain(expected);
  });
});
