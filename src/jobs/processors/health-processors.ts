import { healthTimeoutMs } from '../../checks/build-checks.js';
import { runHealth } from '../../checks/run-health.js';
import type { AppConfig } from '../../config/schema.js';
import { connectDockerHost } from '../../infra/index.js';
import type { Processors } from '../processor.js';
import { healthRunProcessor } from './health-run.js';

/** The real health processor for a loaded config; the composition root spreads it over `processors`. */
export function healthProcessors(config: Pick<AppConfig, 'media'> & Partial<Pick<AppConfig, 'hosts'>>): Pick<Processors, 'health.run'> {
  const timeoutMs = healthTimeoutMs(config);
  return {
    'health.run': healthRunProcessor({
      run: (log) => runHealth({ media: config.media, timeoutMs, log, hosts: config.hosts ?? [], connect: (host) => connectDockerHost(host, { log }) }),
    }),
  };
}
