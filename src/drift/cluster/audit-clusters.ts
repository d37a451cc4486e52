import type { ClusterConfig } from '../../config/schema.js';
import { isAppError } from '../../errors.js';
import { deployedReleases, HELM_SECRET_SELECTOR } from '../../k8s/helm-release.js';
import type { KubeApi } from '../../k8s/kube-api.js';
import type { Logger } from '../../log.js';
import type { AuditOptions, HostStatus, ServiceSides } from '../audit-report.js';
import type { DriftItem } from '../drift-item.js';
import { auditFlux } from './flux-audit.js';
import { discoverHelmComponents } from './helm-components.js';
import { auditHelmValues } from './helm-values-audit.js';

/** What the cluster part of an audit needs; `connect` is `connectCluster` from `src/k8s` in production. */
export interface ClusterAuditDeps {
  readonly clusters: readonly ClusterConfig[];
  readonly connect: (cluster: ClusterConfig) => KubeApi;
  readonly log: Logger;
}

/** The clusters' share of one audit report. */
export interface ClusterAudit {
  readonly statuses: HostStatus[];
  readonly items: DriftItem[];
  readonly sides: ServiceSides[];
  readonly audited: number;
}

/** What one audit hands the cluster part: the snapshot of the apps repo and the secrets to mask. */
export interface ClusterAuditPlan {
  readonly repoDir: string;
  readonly commit: string;
  readonly knownSecrets: readonly string[];
}

async function auditOne(deps: ClusterAuditDeps, cluster: ClusterConfig, plan: ClusterAuditPlan) {
  const api = deps.connect(cluster);
  if (cluster.flavour === 'flux') return { ...(await auditFlux(api, cluster, plan.commit)), sides: [] };
  const [components, secrets] = await Promise.all([
    discoverHelmComponents(plan.repoDir, cluster.layout),
    api.list('v1', 'Secret', { labelSelector: HELM_SECRET_SELECTOR }),
  ]);
  return auditHelmValues(cluster.name, components, deployedReleases(secrets), plan.knownSecrets);
}

const down = (name: string, error: unknown): HostStatus => ({
  name,
  reachable: false,
  error: isAppError(error)
    ? error.message
    : `Cluster ${name} could not be audited: ${error instanceof Error ? error.message : String(error)}`,
  ...(isAppError(error) ? { code: error.code } : {}),
});

/**
 * Audits every selected cluster in parallel (one unreachable cluster never stops the others) and
 * returns their statuses beside the hosts', their items and sides, filtered by `options.stack`.
 */
export async function auditClusters(
  deps: ClusterAuditDeps,
  plan: ClusterAuditPlan,
  options: AuditOptions,
): Promise<ClusterAudit> {
  const chosen = deps.clusters.filter((c) => options.host === undefined || c.name === options.host);
  const results = await Promise.all(
    chosen.map(async (cluster) => {
      try {
        return { status: { name: cluster.name, reachable: true }, ...(await auditOne(deps, cluster, plan)) };
      } catch (error) {
        deps.log.warn({ cluster: cluster.name, err: error }, 'cluster audit failed');
        return { status: down(cluster.name, error), items: [], sides: [], audited: 0 };
      }
    }),
  );
  const keep = (x: { readonly stack: string }): boolean => options.stack === undefined || x.stack === options.stack;
  return {
    statuses: results.map((r) => r.status),
    items: results.flatMap((r) => r.items).filter(keep),
    sides: results.flatMap((r) => r.sides).filter(keep),
    audited: results.reduce((n, r) => n + r.audited, 0),
  };
}
