import { buildChecks, healthTimeoutMs } from '../../checks/build-checks.js';
import type { AppConfig } from '../../config/schema.js';
import type { Processors } from '../processor.js';
import { healthRunProcessor } from './health-run.js';

/** The real health processor for a loaded config; the composition root spreads it over `processors`. */
export function healthProcessors(config: Pick<AppConfig, 'media'>): Pick<Processors, 'health.run'> {
  const timeoutMs = healthTimeoutMs(config);
  return { 'health.run': healthRunProcessor({ checks: () => buildChecks({ media: config.media, timeoutMs }), timeoutMs }) };
}
