import { driftAuditDeps, type AuditConnections } from '../../drift/cli-audit.js';
import { runAudit } from '../../drift/run-audit.js';
import { defineFeature } from '../define-feature.js';
import { auditConnections, type FeatureContext } from '../feature-context.js';
import { driftAudit } from './drift-audit.js';
import { driftLint } from './drift-lint.js';
import { driftProcessors } from './drift-processors.js';
import { driftJobs, driftRetry } from './jobs.js';
import { scheduledDriftAudit } from './scheduled-drift-audit.js';

const connectVia = (ctx: FeatureContext): AuditConnections => auditConnections(ctx.adapters, ctx.log);

/** `/drift audit` and `/drift lint`, and the scheduled audit (`schedules.driftAudit`, needs `apps`). */
export const driftFeature = defineFeature({
  name: 'drift',
  commands: [driftAudit, driftLint],
  actions: [],
  jobs: driftJobs,
  retry: driftRetry,
  wire: (ctx) => driftProcessors(ctx.config, ctx.log, connectVia(ctx), ctx.cacheDir, ctx.onAudit),
  schedule: (ctx) => {
    const when = ctx.config.schedules?.driftAudit;
    if (when === undefined) return [];
    if (ctx.config.apps === undefined) {
      ctx.log.warn({ schedule: 'driftAudit' }, 'schedules.driftAudit is set but apps is not; not scheduled');
      return [];
    }
    return [
      scheduledDriftAudit(async () => {
        const result = await runAudit(driftAuditDeps(ctx.config, { log: ctx.log, ...connectVia(ctx) }), {});
        ctx.onAudit?.(result, {});
        return result;
      }, when),
    ];
  },
});
