import { createE2eServices, type E2eServices } from '../../e2e/e2e-services.js';
import type { AppConfig } from '../../config/schema.js';
import type { QbtLoginGate } from '../../media/qbittorrent-login-gate.js';
import type { Processors } from './jobs.js';
import { e2eProcessor } from './e2e-run.js';

/**
 * The `/e2e` processor for a loaded config; the composition root spreads it over `processors`.
 * The clients are built once (on the first run) and kept, so the polls of a run reuse the
 * qBittorrent session instead of logging in again; a config error is thrown again on each run.
 */
export function e2eProcessors(config: AppConfig, qbtGate?: QbtLoginGate): Pick<Processors, 'media.e2e'> {
  let services: E2eServices | undefined;
  return {
    'media.e2e': e2eProcessor({
      config: config.e2e,
      services: () => (services ??= createE2eServices(config, qbtGate)),
      now: Date.now,
    }),
  };
}
