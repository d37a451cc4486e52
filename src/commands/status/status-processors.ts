import { pingServices } from '../../checks/ping-services.js';
import type { AppConfig } from '../../config/schema.js';
import { REMEDIATION_LABEL } from '../../drift/remediate/open-remediation.js';
import type { Forge } from '../../forge/forge.js';
import type { Processors } from './jobs.js';
import type { PrFacts } from './status-media.js';
import { statusProcessor } from './system-status.js';

/** Per-service ping limit inside `/status` (its whole budget is 1.5 s). */
const PING_MS = 1000;

/**
 * `/status` for a loaded config: pings the media services and lists open remediation PRs through
 * `forge` (built by the composition root; undefined: "no forge configured").
 */
export function statusProcessors(
  config: Pick<AppConfig, 'media' | 'apps'> & Partial<Pick<AppConfig, 'clusters'>>,
  forge?: Forge,
): Pick<Processors, 'system.status'> {
  const { apps } = config;
  const openPrs =
    apps?.forge === undefined
      ? undefined
      : async (): Promise<PrFacts> => {
          if (forge === undefined) return { kind: 'no-forge' };
          const prs = await forge.listOpen({ label: REMEDIATION_LABEL });
          return { kind: 'open', prs: prs.map((p) => ({ number: p.number, title: p.title, url: p.url })) };
        };
  return {
    'system.status': statusProcessor({
      ...(config.media === undefined
        ? {}
        : { ping: (signal: AbortSignal) => pingServices(config.media, PING_MS, signal) }),
      ...(openPrs === undefined ? {} : { openPrs }),
      configured: {
        audit: apps !== undefined || (config.clusters ?? []).length > 0,
        health: config.media !== undefined || (config.clusters ?? []).length > 0,
      },
    }),
  };
}
