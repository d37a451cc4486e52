import type { HealthRun } from '../../checks/run-checks.js';
import type { ServicePing } from '../../checks/ping-services.js';
import type { RunRecord } from '../../store/run-store.js';
import type { Processor } from './jobs.js';
import type { PrFacts } from './status-media.js';
import { statusReport } from './status-report.js';

/** Where `/status` gets the media half; every part must answer within `budgetMs`. */
export interface StatusDeps {
  /** Quick pings of the configured services (undefined: no media section). */
  readonly ping?: (signal: AbortSignal) => Promise<readonly ServicePing[]>;
  /** Open remediation PRs (undefined: no forge configured). */
  readonly openPrs?: (signal: AbortSignal) => Promise<PrFacts>;
  /** Whole budget for the slow parts (default 1500 ms), so /status answers in under 2 s. */
  readonly budgetMs?: number;
  readonly clock?: () => Date;
  /** Which commands the config can run (recommended only then); default: none. */
  readonly configured?: { readonly audit: boolean; readonly health: boolean };
}

/** How many recent runs are searched for the last audit and e2e run. */
const SEARCH_RUNS = 200;
const isAudit = (r: RunRecord): boolean => /^\/?drift audit\b/.test(r.command);
const isE2e = (r: RunRecord): boolean => /^\/?(e2e|pipeline)\b/.test(r.command);

function within<T>(work: Promise<T>, budgetMs: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      resolve(fallback);
    }, budgetMs);
  });
  return Promise.race([work.catch(() => fallback), late]).finally(() => {
    clearTimeout(timer);
  });
}

const listPrs = (openPrs: NonNullable<StatusDeps['openPrs']>, signal: AbortSignal): Promise<PrFacts> =>
  openPrs(signal).catch((error: unknown): PrFacts => ({
    kind: 'error',
    message: error instanceof Error ? error.message : 'unknown error',
  }));

/** `/status`: the worker's own view plus the cached media facts; never waits on a hung service. */
export function statusProcessor(deps: StatusDeps = {}): Processor<'system.status'> {
  const budgetMs = deps.budgetMs ?? 1500;
  return async (payload, context) => {
    const { system } = context;
    const limit = payload.options.runs ?? 5;
    const signal = AbortSignal.timeout(budgetMs);
    const noPrs: PrFacts = { kind: 'error', message: `no answer within ${budgetMs} ms` };
    const [queue, recent, health, services, prs] = await Promise.all([
      system.queueCounts(),
      system.recentRuns(SEARCH_RUNS),
      within<HealthRun | undefined>(system.health?.last() ?? Promise.resolve(undefined), budgetMs, undefined),
      deps.ping === undefined ? Promise.resolve([]) : within(deps.ping(signal), budgetMs, []),
      deps.openPrs === undefined
        ? Promise.resolve<PrFacts>({ kind: 'no-forge' })
        : within(listPrs(deps.openPrs, signal), budgetMs, noPrs),
    ]);
    const others = recent.filter((r) => r.runId !== payload.runId);
    return statusReport({
      version: system.version,
      workerUptimeMs: system.uptimeMs(),
      queue,
      recentRuns: others.slice(0, limit),
      selfRunId: payload.runId,
      media: {
        now: (deps.clock ?? (() => new Date()))(),
        services,
        health,
        lastAudit: others.find(isAudit),
        lastE2e: others.find(isE2e),
        prs,
        configured: deps.configured,
      },
    });
  };
}

/** `/status` without config: no services, no forge. */
export const systemStatus: Processor<'system.status'> = statusProcessor();
