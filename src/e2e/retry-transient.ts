import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceCallError } from '../media/network-failure.js';

/** A failure worth trying again at once: a timeout, a reset or refused connection, or an HTTP 5xx. */
export const isTransient = (error: unknown): boolean => error instanceof ServiceCallError && error.retryable;

export interface RetryOptions {
  /** Tries in all (default 3). */
  readonly attempts?: number;
  /** Wait before the second try; doubled for each further one (default 1 s). */
  readonly delayMs?: number;
  /** Epoch ms after which no further try starts (the hop's own timeout). */
  readonly deadline: number;
  readonly now?: () => number;
}

/**
 * Runs `fn`, trying again after a transient failure (see {@link isTransient}) while tries remain
 * and the next one would start before `deadline`; any other failure, or the last one, is thrown.
 */
export async function retryTransient<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const attempts = options.attempts ?? 3;
  let delay = options.delayMs ?? 1000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (!isTransient(error) || attempt >= attempts || now() + delay >= options.deadline) throw error;
      await sleep(delay);
      delay *= 2;
    }
  }
}
