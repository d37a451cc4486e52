import { collectCatalog } from '../../catalog/collect-catalog.js';
import type { HealthLookup } from '../../catalog/render-catalog-table.js';
import { findPngRenderer } from '../../catalog/render-png.js';
import type { AppConfig } from '../../config/schema.js';
import { driftAuditDeps, type AuditConnections } from '../../drift/cli-audit.js';
import { worstStatus } from '../../checks/run-checks.js';
import type { Logger } from '../../log.js';
import type { HealthStore } from '../../store/health-store.js';
import type { Processors } from './jobs.js';
import { catalogShowProcessor } from './catalog-show.js';

const noHealth: HealthLookup = () => undefined;

/** Health per catalog service from the cached last health run: the worst status of its checks. */
export const healthLookup = (store: Pick<HealthStore, 'last'>) => async (): Promise<HealthLookup> => {
  const run = await store.last();
  if (run === undefined) return noHealth;
  return (entry) => {
    const image = entry.image.split(':')[0]?.split('/').pop();
    const mine = run.outcomes.filter((o) => o.service === entry.service.toLowerCase() || o.service === image);
    return mine.length === 0 ? undefined : worstStatus(mine);
  };
};

/**
 * The real `/catalog` processor for a loaded config: the drift audit's SSH/Docker and git wiring
 * (its apps snapshot below `cacheDir`, like the audit's),
 * health from `health` (cached check results) when given, PNG when Chromium is installed.
 */
export function catalogProcessors(
  config: AppConfig,
  log: Logger,
  health: () => Promise<HealthLookup> = () => Promise.resolve(noHealth),
  connections: AuditConnections,
  cacheDir?: string,
): Pick<Processors, 'catalog.show'> {
  const via = connections;
  const cache = cacheDir === undefined ? {} : { cacheDir };
  return {
    'catalog.show': catalogShowProcessor({
      collect: () => collectCatalog(driftAuditDeps(config, { log, ...via, ...cache })),
      health,
      png: () => findPngRenderer(),
    }),
  };
}
