import { join } from 'node:path';
import { healthTimeoutMs } from '../../checks/build-checks.js';
import type { HealthFixDeps } from '../../checks/open-health-fix.js';
import { clusterChecks } from '../../checks/cluster-checks.js';
import { runHealth } from '../../checks/run-health.js';
import type { AppConfig } from '../../config/schema.js';
import { ConfigError } from '../../errors.js';
import type { QbtLoginGate } from '../../media/qbittorrent-login-gate.js';
import type { AuditTrailStore } from '../../store/audit-trail-store.js';
import type { Adapters } from '../feature-context.js';
import type { Processors } from './jobs.js';
import { healthOpenFixProcessor } from './health-open-fix-processor.js';
import { healthRunProcessor } from './health-run.js';
import { defaultCacheDir } from '../../config/cache-dir.js';

type HealthConfig = Pick<AppConfig, 'media'> & Partial<Pick<AppConfig, 'hosts' | 'apps' | 'clusters'>>;

/** Fix-PR wiring when `apps.forge` is configured; the forge comes from the composition root. */
function fixDeps(config: HealthConfig, forge: Adapters['forge']): (() => HealthFixDeps) | undefined {
  const { apps } = config;
  if (apps?.forge === undefined) return undefined;
  return () => {
    if (forge === undefined) throw new ConfigError('apps.forge is set but no forge could be built');
    return { forge, apps, tmpDir: join(defaultCacheDir(), 'health-fix'), now: () => new Date() };
  };
}

/**
 * The health processors for a loaded config, with the root's adapters (Docker hosts for the
 * mount checks, the forge for fix PRs). `trail` records fix PRs in the remediation audit trail.
 */
export function healthProcessors(
  config: HealthConfig,
  adapters: Adapters,
  trail?: AuditTrailStore,
  qbtGate?: QbtLoginGate,
): Pick<Processors, 'health.run' | 'health.open-fix'> {
  const timeoutMs = healthTimeoutMs(config);
  const fixes = fixDeps(config, adapters.forge);
  return {
    'health.run': healthRunProcessor({
      run: (runLog) =>
        runHealth({
          media: config.media,
          timeoutMs,
          log: runLog,
          hosts: config.hosts ?? [],
          connect: (host) => adapters.connectHost(host, runLog),
          extraChecks: clusterChecks(config.clusters ?? [], adapters.connectCluster),
          ...(qbtGate === undefined ? {} : { qbtGate }),
        }),
      canOpenFixes: fixes !== undefined,
    }),
    'health.open-fix': healthOpenFixProcessor(fixes, trail),
  };
}
