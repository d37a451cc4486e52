import type { Check } from '../../checks/check.js';
import { healthReport } from '../../checks/render-health.js';
import { runChecks } from '../../checks/run-checks.js';
import type { Processor } from '../processor.js';

/** What the health job needs, bound by the composition root (`healthProcessors`). */
export interface HealthRunDeps {
  /** Builds the checks fresh per run (clients hold sessions; nothing leaks between runs). */
  readonly checks: () => Check[];
  readonly timeoutMs: number;
}

/** `health.run`: runs every check in parallel, caches the run for /status, returns the checklist. */
export function healthRunProcessor(deps: HealthRunDeps): Processor<'health.run'> {
  return async (_payload, ctx) => {
    const checks = deps.checks();
    await ctx.progress(`🔄 Running ${checks.length} health checks…`);
    const run = await runChecks(checks, { timeoutMs: deps.timeoutMs, log: ctx.log });
    await ctx.system.health?.save(run);
    return healthReport(run);
  };
}
