import { healthTimeoutMs } from '../../checks/build-checks.js';
import { runHealth } from '../../checks/run-health.js';
import { clusterChecks } from '../../checks/cluster-checks.js';
import { defineFeature } from '../define-feature.js';
import { health } from './health.js';
import { healthOpenFix } from './health-open-fix.js';
import { healthProcessors } from './health-processors.js';
import { healthJobs, healthRetry } from './jobs.js';
import { scheduledHealth } from './scheduled-health.js';

/** `/health` with its Open fix PR button, and the scheduled health run (`schedules.health`, needs `media`). */
export const healthFeature = defineFeature({
  name: 'health',
  commands: [health],
  actions: [healthOpenFix],
  jobs: healthJobs,
  retry: healthRetry,
  // Health fix PRs land in the same audit trail as drift remediation.
  wire: (ctx) => healthProcessors(ctx.config, ctx.adapters, ctx.stores.auditTrailStore, ctx.stores.qbtLoginGate),
  schedule: (ctx) => {
    const { config, log } = ctx;
    const when = config.schedules?.health;
    if (when === undefined) return [];
    if (config.media === undefined) {
      log.warn({ schedule: 'health' }, 'schedules.health is set but media is not; not scheduled');
      return [];
    }
    const timeoutMs = healthTimeoutMs(config);
    return [
      scheduledHealth({
        run: () =>
          runHealth({
            media: config.media,
            timeoutMs,
            log,
            hosts: config.hosts,
            connect: (host) => ctx.adapters.connectHost(host, log),
            extraChecks: clusterChecks(config.clusters, ctx.adapters.connectCluster),
            qbtGate: ctx.stores.qbtLoginGate,
          }),
        timeoutMs,
        log,
        store: ctx.stores.healthStore,
        when,
      }),
    ];
  },
});
