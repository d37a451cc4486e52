import type { Adapters } from '../commands/feature-context.js';
import type { AppConfig } from '../config/schema.js';
import { createForge } from '../forge/create-forge.js';
import { connectDockerHost } from '../infra/index.js';
import { connectCluster } from '../k8s/connect-cluster.js';
import type { Logger } from '../log.js';

/**
 * The production adapters: the configured forge (GitHub or plain git), Docker over SSH and the
 * Kubernetes API.
 * Only composition roots call this; features receive the result in their `FeatureContext`.
 */
export function realAdapters(config: AppConfig, log: Logger): Adapters {
  return {
    forge: config.apps === undefined ? undefined : createForge(config.apps, { log, timeouts: config.timeouts.ms }),
    ...realConnections(config),
  };
}

/** Just the host and cluster connections (the CLI one-shots need no forge), with the config's timeouts. */
export function realConnections(config: Pick<AppConfig, 'timeouts'>): Pick<Adapters, 'connectHost' | 'connectCluster'> {
  return {
    connectHost: (host, hostLog) => connectDockerHost(host, { log: hostLog, timeouts: config.timeouts.ms }),
    connectCluster,
  };
}
