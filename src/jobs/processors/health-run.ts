import type { HealthRun } from '../../checks/run-checks.js';
import { healthReport } from '../../checks/render-health.js';
import type { Logger } from '../../log.js';
import type { Processor } from '../processor.js';

/** What the health job needs, bound by the composition root (`healthProcessors`). */
export interface HealthRunDeps {
  /** Builds the checks fresh, runs them and closes their connections (`runHealth`). */
  readonly run: (log: Logger) => Promise<HealthRun>;
}

/** `health.run`: runs every check in parallel, caches the run for /status, returns the checklist. */
export function healthRunProcessor(deps: HealthRunDeps): Processor<'health.run'> {
  return async (_payload, ctx) => {
    await ctx.progress('🔄 Running the health checks…');
    const run = await deps.run(ctx.log);
    await ctx.system.health?.save(run);
    return healthReport(run);
  };
}
