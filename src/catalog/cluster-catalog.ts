import type { ClusterConfig } from '../config/schema.js';
import type { KubeApi } from '../k8s/kube-api.js';
import { pick, pickList, pickText, type KubeObject } from '../k8s/kube-object.js';
import type { CatalogEntry, CatalogHost } from './catalog-entry.js';

/** The clusters' part of the catalog. */
export interface ClusterCatalog {
  readonly hosts: CatalogHost[];
  readonly entries: CatalogEntry[];
}

/** `helm.sh/chart: nextcloud-6.2.4` → chart and version; undefined for plain manifests. */
export function chartOf(
  labels: Readonly<Record<string, string>> | undefined,
): { chart: string; version: string } | undefined {
  const m = /^(.+)-(v?\d+\.\d+\.\d+[^\s]*)$/.exec(labels?.['helm.sh/chart'] ?? '');
  return m === null ? undefined : { chart: m[1] ?? '', version: m[2] ?? '' };
}

/** The https URL of the first ingress rule that routes to `service` in its namespace. */
function ingressUrl(
  ingresses: readonly KubeObject[],
  ns: string,
  service: string,
  instance: string | undefined,
): string | undefined {
  for (const ing of ingresses.filter((i) => i.metadata?.namespace === ns)) {
    const tls = pickList(ing, 'spec', 'tls').length > 0;
    for (const rule of pickList(ing, 'spec', 'rules')) {
      const host = pickText(rule, 'host');
      const backends = pickList(rule, 'http', 'paths').map((p) => pickText(p, 'backend', 'service', 'name'));
      const mine =
        backends.includes(service) ||
        (instance !== undefined && ing.metadata?.labels?.['app.kubernetes.io/instance'] === instance);
      if (host !== undefined && mine) return `${tls ? 'https' : 'http'}://${host}`;
    }
  }
  return undefined;
}

function toEntry(cluster: string, w: KubeObject, ingresses: readonly KubeObject[]): CatalogEntry {
  const ns = w.metadata?.namespace ?? 'default';
  const name = w.metadata?.name ?? '?';
  const labels = w.metadata?.labels;
  const image = pickText(pickList(w, 'spec', 'template', 'spec', 'containers')[0], 'image') ?? '';
  const chart = chartOf(labels);
  const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : 'latest';
  const want = Number(pick(w, 'spec', 'replicas') ?? 1);
  const ready = Number(pick(w, 'status', 'readyReplicas') ?? 0);
  const url = ingressUrl(ingresses, ns, name, labels?.['app.kubernetes.io/instance']);
  const managed =
    chart !== undefined ||
    labels?.['managed-by'] === 'flux' ||
    labels?.['kustomize.toolkit.fluxcd.io/name'] !== undefined;
  return {
    host: cluster,
    stack: ns,
    service: name,
    image,
    version: chart === undefined ? `${tag} (manifest)` : `${chart.chart} ${chart.version} (chart)`,
    state: `${w.kind ?? 'workload'} ${String(ready)}/${String(want)} ready`,
    networks: [],
    binds: [],
    origin: managed ? 'git+running' : 'unmanaged',
    ...(url === undefined ? {} : { url }),
  };
}

/**
 * `/catalog` for clusters (issue #19): every Deployment and StatefulSet with its namespace, chart and
 * version (from the Helm chart label) or "manifest", image, readiness and ingress host.
 */
export async function catalogClusters(
  clusters: readonly ClusterConfig[],
  connect: (cluster: ClusterConfig) => KubeApi,
): Promise<ClusterCatalog> {
  const parts = await Promise.all(
    clusters.map(async (cluster) => {
      try {
        const api = connect(cluster);
        const [deployments, statefulSets, ingresses] = await Promise.all([
          api.list('apps/v1', 'Deployment'),
          api.list('apps/v1', 'StatefulSet'),
          api.list('networking.k8s.io/v1', 'Ingress'),
        ]);
        const entries = [...deployments, ...statefulSets].map((w) => toEntry(cluster.name, w, ingresses));
        return { host: { name: cluster.name, reachable: true }, entries };
      } catch (error) {
        return {
          host: { name: cluster.name, reachable: false, error: error instanceof Error ? error.message : String(error) },
          entries: [],
        };
      }
    }),
  );
  return { hosts: parts.map((p) => p.host), entries: parts.flatMap((p) => p.entries) };
}
