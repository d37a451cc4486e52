import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthTimeoutMs } from '../../checks/build-checks.js';
import type { HealthFixDeps } from '../../checks/open-health-fix.js';
import { runHealth } from '../../checks/run-health.js';
import type { AppConfig } from '../../config/schema.js';
import { ConfigError } from '../../errors.js';
import { createForge } from '../../forge/create-forge.js';
import { connectDockerHost } from '../../infra/index.js';
import { silentLogger, type Logger } from '../../log.js';
import type { QbtLoginGate } from '../../media/qbittorrent-login-gate.js';
import type { AuditTrailStore } from '../../store/audit-trail-store.js';
import type { Processors } from '../processor.js';
import { healthOpenFixProcessor } from './health-open-fix.js';
import { healthRunProcessor } from './health-run.js';

type HealthConfig = Pick<AppConfig, 'media'> & Partial<Pick<AppConfig, 'hosts' | 'apps'>>;

/** Fix-PR wiring when `apps.forge` is configured; the forge is built on first use. */
function fixDeps(config: HealthConfig, log: Logger): (() => HealthFixDeps) | undefined {
  const { apps } = config;
  if (apps?.forge === undefined) return undefined;
  return () => {
    const forge = createForge(apps, { log });
    if (forge === undefined) throw new ConfigError('apps.forge is set but no forge could be built');
    return { forge, apps, tmpDir: join(tmpdir(), 'homelab-bot-health-fix'), now: () => new Date() };
  };
}

/**
 * The real health processors for a loaded config; the composition root spreads them over
 * `processors`. `trail` records fix PRs in the remediation audit trail.
 */
export function healthProcessors(config: HealthConfig, log: Logger = silentLogger(), trail?: AuditTrailStore, qbtGate?: QbtLoginGate): Pick<Processors, 'health.run' | 'health.open-fix'> {
  const timeoutMs = healthTimeoutMs(config);
  const fixes = fixDeps(config, log);
  return {
    'health.run': healthRunProcessor({
      run: (runLog) => runHealth({ media: config.media, timeoutMs, log: runLog, hosts: config.hosts ?? [], connect: (host) => connectDockerHost(host, { log: runLog }), ...(qbtGate === undefined ? {} : { qbtGate }) }),
      canOpenFixes: fixes !== undefined,
    }),
    'health.open-fix': healthOpenFixProcessor(fixes, trail),
  };
}
