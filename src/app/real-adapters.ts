import type { Adapters } from '../commands/feature-context.js';
import type { AppConfig } from '../config/schema.js';
import { createForge } from '../forge/create-forge.js';
import { connectDockerHost } from '../infra/index.js';
import type { Logger } from '../log.js';

/**
 * The production adapters: the configured forge (GitHub or plain git) and Docker over SSH.
 * Only composition roots call this; features receive the result in their `FeatureContext`.
 */
export function realAdapters(config: AppConfig, log: Logger): Adapters {
  return {
    forge: config.apps === undefined ? undefined : createForge(config.apps, { log, timeouts: config.timeouts.ms }),
    connectHost: (host, hostLog) => connectDockerHost(host, { log: hostLog, timeouts: config.timeouts.ms }),
  };
}
