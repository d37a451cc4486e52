import { ForgeError } from './forge-error.js';

/** Retry settings of GitHub calls; `sleep` is injectable so tests need not wait. */
export interface RetryPolicy {
  /** Attempts per call including the first (default 4). */
  readonly attempts: number;
  /** First backoff for 5xx/network failures; doubles each attempt (default 500 ms). */
  readonly baseDelayMs: number;
  /** Longest rate-limit wait honoured in-process; longer waits fail with `rate-limited` (default 60 s). */
  readonly maxWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxWaitMs: 60_000,
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
  now: () => Date.now(),
};

/** The parts of an Octokit `RequestError` we read (duck-typed: no Octokit type leaves src/forge). */
interface HttpFailure {
  readonly status: number;
  readonly message: string;
  readonly response?: { readonly headers?: Readonly<Record<string, string | number | undefined>> };
}

const isHttpFailure = (e: unknown): e is HttpFailure =>
  typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number';

const header = (e: HttpFailure, name: string): string | undefined => {
  const value = e.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
};

/** Milliseconds GitHub asked us to wait, or undefined when `e` is not a rate limit. */
function rateLimitWait(e: HttpFailure, now: number): number | undefined {
  const retryAfter = header(e, 'retry-after');
  if ((e.status === 403 || e.status === 429) && retryAfter !== undefined) return Number(retryAfter) * 1000;
  if (e.status === 403 && header(e, 'x-ratelimit-remaining') === '0')
    return Math.max(0, Number(header(e, 'x-ratelimit-reset') ?? 0) * 1000 - now);
  if (e.status === 429 || (e.status === 403 && /secondary rate limit/i.test(e.message))) return 60_000;
  return undefined;
}

/** A final (non-retried) GitHub answer as a ForgeError; `what` names the call for the message. */
export function toForgeError(e: unknown, what: string, now: number): ForgeError {
  if (!isHttpFailure(e))
    return new ForgeError(
      'forge-unavailable',
      `GitHub ${what} failed: ${e instanceof Error ? e.message : String(e)}`,
      {},
      e,
    );
  const status = e.status;
  const wait = rateLimitWait(e, now);
  if (wait !== undefined)
    return new ForgeError(
      'rate-limited',
      `GitHub rate limit hit during ${what}; retry in ${Math.ceil(wait / 1000)} s.`,
      { status, retryAfterMs: wait },
    );
  if (status === 404)
    return new ForgeError('not-found', `GitHub ${what}: not found (check owner, repo, token access).`, { status });
  if (e.response === undefined && status === 500)
    // No answer at all (network failure or timeout): octokit reports it as HTTP 500 without a response.
    return new ForgeError('forge-unavailable', `GitHub is unavailable (${what}: ${e.message}).`, { status });
  if (status === 0 || status >= 500)
    return new ForgeError('forge-unavailable', `GitHub is unavailable (${what}: HTTP ${status}).`, { status });
  const reason = e.message.split(' - ')[0] ?? e.message;
  return new ForgeError('forge-rejected', `GitHub refused ${what} (HTTP ${status}): ${reason}`, { status });
}

/** Outcome flags the caller may need (e.g. a merge that failed ambiguously and then succeeded). */
export interface CallTrace {
  retriedAfterFailure: boolean;
}

/**
 * Runs one GitHub call with retries: 5xx and network failures back off exponentially; rate limits
 * wait what GitHub asks (`retry-after`, `x-ratelimit-reset`) when that is under `maxWaitMs`.
 * Anything else, or the last failure, becomes a ForgeError.
 */
export async function callGitHub<T>(
  what: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
  trace?: CallTrace,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (e: unknown) {
      const error = toForgeError(e, what, policy.now());
      if (!error.retryable || attempt >= policy.attempts) throw error;
      const wait =
        error.code === 'rate-limited' ? (error.details.retryAfterMs ?? 0) : policy.baseDelayMs * 2 ** (attempt - 1);
      if (wait > policy.maxWaitMs) throw error;
      if (trace !== undefined) trace.retriedAfterFailure = true;
      await policy.sleep(wait);
    }
  }
}
