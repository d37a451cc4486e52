import type { ActionButton } from '../../chat/chat-port.js';
import { healthReport } from '../../checks/render-health.js';
import type { HealthRun } from '../../checks/run-checks.js';
import { healthOpenFix } from './health-open-fix.js';
import type { Logger } from '../../log.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import type { Processor } from './jobs.js';

/** What the health job needs, bound by the composition root (`healthProcessors`). */
export interface HealthRunDeps {
  /** Builds the checks fresh, runs them and closes their connections (`runHealth`). */
  readonly run: (log: Logger) => Promise<HealthRun>;
  /** Whether "Open fix PR" buttons work in this build (a forge is configured). */
  readonly canOpenFixes?: boolean;
}

/** Buttons per report at most (chat platforms cap a message's buttons). */
const MAX_FIX_BUTTONS = 3;

async function fixButtons(run: HealthRun, ctx: ProcessorContext): Promise<ActionButton[]> {
  const fixes = run.outcomes
    .flatMap((o) => o.findings.flatMap((f) => (f.fix === undefined ? [] : [f.fix])))
    .slice(0, MAX_FIX_BUTTONS);
  return Promise.all(
    fixes.map((fix) =>
      ctx.createButton(healthOpenFix, { ...fix }, `Open fix PR: ${fix.service} ${fix.field}`.slice(0, 80), 'primary'),
    ),
  );
}

/** `health.run`: runs every check in parallel, caches the run for /status, returns the checklist. */
export function healthRunProcessor(deps: HealthRunDeps): Processor<'health.run'> {
  return async (_payload, ctx) => {
    await ctx.progress('🔄 Running the health checks…');
    const run = await deps.run(ctx.log);
    await ctx.system.health?.save(run);
    const report = healthReport(run);
    const actions = deps.canOpenFixes === true ? await fixButtons(run, ctx) : [];
    return actions.length === 0 ? report : { ...report, actions };
  };
}
