import type { Lane } from './lanes.js';

/**
 * Attempts and backoff for one job kind. Each feature declares one row per job it owns
 * (`src/commands/<feature>/jobs.ts`); the registry's conformance test fails for a job without one.
 * Read-only jobs retry on transient failures; jobs that change things (merge, revert) retry
 * rarely and rely on idempotent processors. UserErrors never retry.
 */
export interface RetryPolicy {
  readonly attempts: number;
  readonly backoff: { readonly type: 'exponential' | 'fixed'; readonly delay: number };
  /** The queue the job waits in (default `quick`); see `lanes.ts`. */
  readonly lane?: Lane;
  /**
   * Overall budget of one attempt in ms (default by lane: 2 min quick, 15 min long; config
   * `timeouts.jobs.<name>` wins). On expiry the attempt fails naming what did not answer.
   */
  readonly budgetMs?: number;
}

/** The usual row: one retry a second later (a worker or network hiccup), in the quick lane. */
export const defaultRetry: RetryPolicy = { attempts: 2, backoff: { type: 'fixed', delay: 1_000 } };

/** A fixed-delay row: `attempts` tries, `delayMs` apart, in `lane` (default quick). */
export const fixedRetry = (attempts: number, delayMs: number, lane?: Lane): RetryPolicy => ({
  attempts,
  backoff: { type: 'fixed', delay: delayMs },
  ...(lane === undefined ? {} : { lane }),
});

/** The BullMQ options of a row (attempts and backoff; lane and budget are ours). */
export const bullOptionsOf = (policy: RetryPolicy): Pick<RetryPolicy, 'attempts' | 'backoff'> => ({
  attempts: policy.attempts,
  backoff: policy.backoff,
});
