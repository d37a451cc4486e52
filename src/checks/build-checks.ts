import { parseDuration } from '../config/duration.js';
import type { AppConfig, MediaConfig } from '../config/schema.js';
import { createQbittorrentClient } from '../media/qbittorrent-client.js';
import type { Check } from './check.js';
import { qbittorrentApiCheck } from './qbittorrent-api-check.js';
import { serviceApiCheck } from './service-api-check.js';
import { serviceApiSpecs } from './service-api-specs.js';

/** Per-check timeout of a config (media.health.timeout, default 10 s). */
export const healthTimeoutMs = (config: Pick<AppConfig, 'media'>): number => parseDuration(config.media?.health.timeout ?? '10s');

/** What the checks are built from. */
export interface CheckDeps {
  readonly media: MediaConfig | undefined;
  /** Per-check limit; each HTTP call inside gets 80 % of it, so a hang reads as a timeout finding. */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/** Every check that applies to the configured services (an unconfigured service has none). */
export function buildChecks(deps: CheckDeps): Check[] {
  const { media } = deps;
  if (media === undefined) return [];
  const callMs = Math.max(50, Math.floor(deps.timeoutMs * 0.8));
  const common = { timeoutMs: callMs, ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }) };
  const checks: Check[] = serviceApiSpecs(media, common).map(serviceApiCheck);
  if (media.qbittorrent !== undefined) {
    const qbt = createQbittorrentClient({ ...media.qbittorrent, ...common });
    checks.push(qbittorrentApiCheck(qbt));
  }
  return checks;
}
