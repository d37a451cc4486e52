import type { Writable } from 'node:stream';
import type { AppConfig, ClusterConfig, HostConfig } from '../config/schema.js';
import type { DockerHost } from '../infra/index.js';
import type { KubeApi } from '../k8s/kube-api.js';
import type { Logger } from '../log.js';
import { clusterChecks } from './cluster-checks.js';
import { healthTimeoutMs } from './build-checks.js';
import { healthReport } from './render-health.js';
import type { HealthRun } from './run-checks.js';
import { runHealth } from './run-health.js';

/** How the health CLI reaches hosts and clusters: the root's adapters (`realAdapters` in src/app). */
export interface HealthCliAdapters {
  readonly connectHost: (host: HostConfig, log: Logger) => Promise<DockerHost>;
  readonly connectCluster: (cluster: ClusterConfig) => KubeApi;
}

/** Plain-text checklist for a terminal (the chat lines without Markdown bold). */
export function renderHealthText(run: HealthRun): string {
  const report = healthReport(run);
  return (
    [`${report.title}: ${report.summary ?? ''}`, ...(report.lines ?? []).map((l) => l.replace(/\*\*/g, ''))].join(
      '\n',
    ) + '\n'
  );
}

/**
 * `homelab-bot health [--json]`: exit 1 when a check fails or errors, else 0. Hosts and clusters
 * are reached through the root's `adapters` (src/cli builds the real ones).
 */
export async function runHealthCli(
  config: AppConfig,
  options: { readonly json: boolean },
  out: Writable,
  log: Logger,
  adapters: HealthCliAdapters,
): Promise<0 | 1> {
  const timeoutMs = healthTimeoutMs(config);
  const run = await runHealth({
    media: config.media,
    timeoutMs,
    log,
    hosts: config.hosts,
    connect: (host) => adapters.connectHost(host, log),
    extraChecks: clusterChecks(config.clusters, adapters.connectCluster),
  });
  out.write(options.json ? `${JSON.stringify(run, null, 2)}\n` : renderHealthText(run));
  return run.outcomes.some((o) => o.status === 'fail' || o.status === 'error') ? 1 : 0;
}
