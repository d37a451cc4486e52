import type { ScheduleConfig } from '../../config/schema.js';
import type { Check } from '../../checks/check.js';
import { healthReport } from '../../checks/render-health.js';
import { runChecks, type HealthRun } from '../../checks/run-checks.js';
import type { Logger } from '../../log.js';
import type { HealthStore } from '../../store/health-store.js';
import type { Finding, ScheduledTask } from '../../jobs/scheduled-task.js';

/** Checks that are not ok (skipped ones are not news), as findings to diff across runs. */
export function healthFindings(run: HealthRun): Finding[] {
  return run.outcomes
    .filter((o) => o.status !== 'ok' && o.status !== 'skipped')
    .map((o) => ({
      key: `check ${o.id}`,
      state: o.status,
      text: `${o.title}: ${o.status}${o.findings[0] === undefined ? '' : ` — ${o.findings[0].summary}`}`,
    }));
}

export interface ScheduledHealthDeps {
  readonly checks?: () => Check[];
  /** Builds, runs and closes the checks itself (`runHealth`, with Docker access); wins over `checks`. */
  readonly run?: () => Promise<HealthRun>;
  readonly timeoutMs: number;
  /** The run is cached like `/health`'s, so `/status`, `/catalog` and `/metrics` see it. */
  readonly store?: HealthStore;
  readonly log: Logger;
  /** When it runs (config `schedules.health`). */
  readonly when: ScheduleConfig;
}

/** The periodic health run (config `schedules.health`): posts when a check flips. */
export function scheduledHealth(deps: ScheduledHealthDeps): ScheduledTask {
  return {
    kind: 'health',
    title: 'Scheduled health run',
    when: deps.when,
    run: async () => {
      const run =
        deps.run !== undefined
          ? await deps.run()
          : await runChecks(deps.checks?.() ?? [], { timeoutMs: deps.timeoutMs, log: deps.log });
      await deps.store?.save(run);
      return { report: healthReport(run), findings: healthFindings(run) };
    },
  };
}
