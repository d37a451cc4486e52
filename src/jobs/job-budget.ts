import { createCallScope, type CallScope } from '../bounded/call-scope.js';
import { ExternalError } from '../errors.js';
import { defaultBudgetMs, type Lane } from './lanes.js';

/** Budget of one attempt of job `name`: config override, else the row's, else the lane's default. */
export function budgetOf(
  name: string,
  lane: Lane,
  rowBudgetMs: number | undefined,
  overrides: Readonly<Record<string, number>> = {},
): number {
  return (Object.hasOwn(overrides, name) ? overrides[name] : undefined) ?? rowBudgetMs ?? defaultBudgetMs[lane];
}

const human = (ms: number): string =>
  ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : ms >= 1_000 ? `${ms / 1_000} s` : `${ms} ms`;

function budgetError(name: string, budgetMs: number, scope: CallScope): ExternalError {
  const pending = scope.pending();
  const last = scope.lastTimeout();
  const waiting =
    pending.length > 0
      ? `no answer from ${pending.join('; ')}`
      : last !== undefined
        ? `the last call that timed out was ${last}`
        : 'it was not waiting on any outside call (the work itself is too slow)';
  return new ExternalError(
    'job-budget-exceeded',
    `${name} did not finish within its ${human(budgetMs)} budget: ${waiting}. Its connections were closed; ` +
      `raise timeouts.jobs.${name} only if it is just slow.`,
    { retryable: false, context: { job: name, budgetMs, pending } },
  );
}

/** True for the failure {@link withinBudget} raises. */
export const isBudgetExceeded = (error: unknown): boolean =>
  error instanceof ExternalError && error.code === 'job-budget-exceeded';

/**
 * Runs one job attempt under its overall budget. The work's outside calls (SSH, Docker, SFTP,
 * git, HTTP) register in a call scope; at expiry the attempt fails with `job-budget-exceeded`
 * naming those still unanswered, everything the work opened is torn down, and the worker slot is
 * free at once (the abandoned work settles on its own as its calls are aborted).
 */
export async function withinBudget<T>(name: string, budgetMs: number, work: () => Promise<T>): Promise<T> {
  const scope = createCallScope();
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      // Rejected before the teardown, so the attempt fails with this message, not with an aborted call's.
      reject(budgetError(name, budgetMs, scope));
      void scope.teardown();
    }, budgetMs);
  });
  try {
    return await Promise.race([scope.run(work), expiry]);
  } finally {
    clearTimeout(timer);
  }
}
