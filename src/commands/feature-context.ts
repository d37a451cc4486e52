import type { ChatPort, Platform } from '../chat/chat-port.js';
import type { AppConfig, ClusterConfig, HostConfig } from '../config/schema.js';
import type { AuditOptions, AuditResult } from '../drift/audit-report.js';
import type { AuditConnections } from '../drift/cli-audit.js';
import type { Forge } from '../forge/forge.js';
import type { DockerHost } from '../infra/index.js';
import type { KubeApi } from '../k8s/kube-api.js';
import type { Logger } from '../log.js';
import type { Stores } from '../store/stores.js';

/** Told about every finished audit (metrics: drift items by severity). */
export type AuditObserver = (result: AuditResult, options: AuditOptions) => void;

/**
 * The real outside world, built only by the composition roots (service, worker, shell, CLI) and
 * injected; tests pass lab-backed ones. Features never construct these themselves.
 */
export interface Adapters {
  /** The configured forge (`apps.forge`), or undefined when none is configured (read-only). */
  readonly forge: Forge | undefined;
  /** Connects one host's Docker engine (production: over SSH, `connectDockerHost`). */
  readonly connectHost: (host: HostConfig, log: Logger) => Promise<DockerHost>;
  /** A cluster's API (production: @kubernetes/client-node, `connectCluster`). */
  readonly connectCluster: (cluster: ClusterConfig) => KubeApi;
}

/** The connections a drift audit takes (`driftAuditDeps`), over the root's adapters. */
export const auditConnections = (
  adapters: Pick<Adapters, 'connectHost' | 'connectCluster'>,
  log: Logger,
): AuditConnections => ({
  connect: (host) => adapters.connectHost(host, log),
  connectCluster: adapters.connectCluster,
});

/** The Redis-backed stores features keep state in (the roots own the connection). */
export type FeatureStores = Pick<
  Stores,
  'auditTrailStore' | 'dedupeStore' | 'subscriptionStore' | 'healthStore' | 'qbtLoginGate'
>;

/** What every feature's `wire(ctx)` builds its processors from. */
export interface FeatureContext {
  readonly config: AppConfig;
  readonly log: Logger;
  readonly stores: FeatureStores;
  readonly adapters: Adapters;
  /** Snapshots and per-job clones go below it; default the per-user cache dir (defaultCacheDir). */
  readonly cacheDir?: string;
  /** Told about every finished drift audit (the service's metrics). */
  readonly onAudit?: AuditObserver;
  /** Outbound chats for direct messages outside the run's thread (e.g. telling a requester the outcome). */
  readonly chats?: Partial<Record<Platform, ChatPort>>;
}
