import { realAdapters, realConnections } from '../../src/app/real-adapters.js';
import { auditConnections, type Adapters, type FeatureStores } from '../../src/commands/feature-context.js';
import type { AuditConnections } from '../../src/drift/cli-audit.js';
import { wireFeatures, type Processors } from '../../src/commands/registry.js';
import { defaultConfig } from '../../src/config/default-config.js';
import type { AppConfig } from '../../src/config/schema.js';
import { silentLogger, type Logger } from '../../src/log.js';

export interface WiredOptions {
  /** Default: the embedded default config (nothing configured: no hosts, apps, media or forge). */
  readonly config?: AppConfig;
  readonly log?: Logger;
  /** Default: the production adapters for `config`. */
  readonly adapters?: Adapters;
}

/** Every feature's processors, wired as a composition root does (`wireFeatures`); tests replace entries. */
export function wired(stores: FeatureStores, options: WiredOptions = {}): Processors {
  const config = options.config ?? defaultConfig();
  const log = options.log ?? silentLogger();
  return wireFeatures({ config, log, stores, adapters: options.adapters ?? realAdapters(config, log) });
}

/** The production host and cluster connections for an audit, as the CLI root passes them. */
export const realAuditConnections = (log: Logger = silentLogger()): AuditConnections =>
  auditConnections(realConnections(defaultConfig()), log);
