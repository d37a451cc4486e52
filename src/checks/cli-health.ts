import type { Writable } from 'node:stream';
import type { AppConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import { connectDockerHost } from '../infra/index.js';
import { connectCluster } from '../k8s/connect-cluster.js';
import { clusterChecks } from './cluster-checks.js';
import { healthTimeoutMs } from './build-checks.js';
import { healthReport } from './render-health.js';
import type { HealthRun } from './run-checks.js';
import { runHealth } from './run-health.js';

/** Plain-text checklist for a terminal (the chat lines without Markdown bold). */
export function renderHealthText(run: HealthRun): string {
  const report = healthReport(run);
  return (
    [`${report.title}: ${report.summary ?? ''}`, ...(report.lines ?? []).map((l) => l.replace(/\*\*/g, ''))].join(
      '\n',
    ) + '\n'
  );
}

/** `homelab-bot health [--json]`: exit 1 when a check fails or errors, else 0. */
export async function runHealthCli(
  config: AppConfig,
  options: { readonly json: boolean },
  out: Writable,
  log: Logger,
): Promise<0 | 1> {
  const timeoutMs = healthTimeoutMs(config);
  const run = await runHealth({
    media: config.media,
    timeoutMs,
    log,
    hosts: config.hosts,
    connect: (host) => connectDockerHost(host, { log, timeouts: config.timeouts.ms }),
    extraChecks: clusterChecks(config.clusters, connectCluster),
  });
  out.write(options.json ? `${JSON.stringify(run, null, 2)}\n` : renderHealthText(run));
  return run.outcomes.some((o) => o.status === 'fail' || o.status === 'error') ? 1 : 0;
}
