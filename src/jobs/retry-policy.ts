/**
 * Attempts and backoff for one job kind. Each feature declares one row per job it owns
 * (`src/commands/<feature>/jobs.ts`); the registry's conformance test fails for a job without one.
 * Read-only jobs retry on transient failures; jobs that change things (merge, revert) retry
 * rarely and rely on idempotent processors. UserErrors never retry.
 */
export interface RetryPolicy {
  readonly attempts: number;
  readonly backoff: { readonly type: 'exponential' | 'fixed'; readonly delay: number };
}

/** The usual row: one retry a second later (a worker or network hiccup). */
export const defaultRetry: RetryPolicy = { attempts: 2, backoff: { type: 'fixed', delay: 1_000 } };

/** A fixed-delay row: `attempts` tries, `delayMs` apart. */
export const fixedRetry = (attempts: number, delayMs: number): RetryPolicy => ({
  attempts,
  backoff: { type: 'fixed', delay: delayMs },
});
