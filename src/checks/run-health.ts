import { buildChecks, type CheckDeps } from './build-checks.js';
import { runChecks, type HealthRun } from './run-checks.js';

/** Builds the checks for a config, runs them all in parallel and closes their connections. */
export async function runHealth(deps: CheckDeps): Promise<HealthRun> {
  const plan = buildChecks(deps);
  try {
    return await runChecks([...plan.checks, ...(deps.extraChecks ?? [])], { timeoutMs: deps.timeoutMs, log: deps.log });
  } finally {
    await plan.close();
  }
}
