import { createE2eServices } from '../../e2e/e2e-services.js';
import type { AppConfig } from '../../config/schema.js';
import type { Processors } from '../processor.js';
import { e2eProcessor } from './e2e-run.js';

/** The `/e2e` processor for a loaded config; the composition root spreads it over `processors`. */
export function e2eProcessors(config: AppConfig): Pick<Processors, 'media.e2e'> {
  return { 'media.e2e': e2eProcessor({ config: config.e2e, services: () => createE2eServices(config), now: Date.now }) };
}
