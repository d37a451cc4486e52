import { redactorOf, type Logger } from '../log.js';
import { redactDeep } from '../secrets/redact-text.js';
import type { Check, CheckResult, CheckStatus, ServiceName } from './check.js';

/** One check's result with when it ran. */
export interface CheckOutcome extends CheckResult {
  readonly id: string;
  readonly service: ServiceName;
  readonly title: string;
  /** ISO time the check finished. */
  readonly checkedAt: string;
  readonly durationMs: number;
}

/** A whole health run, as cached and rendered. */
export interface HealthRun {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly timeoutMs: number;
  readonly outcomes: readonly CheckOutcome[];
}

export interface RunChecksOptions {
  /** Per-check budget; a check still running after it is aborted and reported as `error`. */
  readonly timeoutMs: number;
  readonly log: Logger;
  readonly clock?: () => Date;
}

const timedOut = (check: Check, timeoutMs: number): CheckResult => ({
  status: 'error',
  findings: [
    {
      summary: `${check.title}: no answer within ${timeoutMs} ms.`,
      diagnosis: `The check was stopped at its time limit; ${check.service} is probably hung or very slow.`,
      suggestion: `Look at the ${check.service} container (logs, CPU, disk); raise media.health.timeout only if it is just slow.`,
    },
  ],
});

const thrown = (check: Check, error: unknown): CheckResult => ({
  status: 'error',
  findings: [
    {
      summary: `${check.title}: the check could not run: ${error instanceof Error ? error.message : String(error)}`,
      diagnosis: 'The check stopped with an error before it could decide.',
      suggestion: 'Run /health again; if it persists, the bot log has the details.',
    },
  ],
});

/** Runs one check under its own abort signal and timer; never rejects. */
async function runOne(check: Check, options: RunChecksOptions): Promise<CheckOutcome> {
  const clock = options.clock ?? (() => new Date());
  const started = clock().getTime();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(timedOut(check, options.timeoutMs));
    }, options.timeoutMs);
  });
  const log = options.log.child({ check: check.id });
  const work = check.run({ log }, controller.signal).catch((error: unknown) => {
    if (controller.signal.aborted) return timedOut(check, options.timeoutMs);
    log.warn({ err: error }, 'check threw');
    return thrown(check, error);
  });
  try {
    const result = await Promise.race([work, deadline]);
    const end = clock();
    return {
      ...result,
      id: check.id,
      service: check.service,
      title: check.title,
      checkedAt: end.toISOString(),
      durationMs: end.getTime() - started,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once; the run takes about as long as the slowest check, capped by the timeout. */
export async function runChecks(checks: readonly Check[], options: RunChecksOptions): Promise<HealthRun> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock().toISOString();
  const outcomes = await Promise.all(checks.map((c) => runOne(c, options)));
  // Server text and thrown messages can quote a key or a URL with a password: the run is shown, cached and exported.
  return {
    startedAt,
    finishedAt: clock().toISOString(),
    timeoutMs: options.timeoutMs,
    outcomes: redactDeep(outcomes, redactorOf(options.log)),
  };
}

const rank: Readonly<Record<CheckStatus, number>> = { fail: 0, error: 1, warn: 2, ok: 3, skipped: 4 };

/** Worst first: fail, error, warn, ok, skipped. */
export const byUrgency = (a: { status: CheckStatus }, b: { status: CheckStatus }): number =>
  rank[a.status] - rank[b.status];

/** The worst status of a run (`ok` for an empty run). */
export function worstStatus(outcomes: readonly { status: CheckStatus }[]): CheckStatus {
  return [...outcomes].sort(byUrgency)[0]?.status ?? 'ok';
}
