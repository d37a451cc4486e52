import type { ScheduleConfig } from '../config/schema.js';
import type { Report } from '../report/report.js';

/**
 * One thing a scheduled run found (a drift item, a failing check). `key` identifies it across
 * runs; a different `state` under the same key is a change (e.g. another value or severity).
 */
export interface Finding {
  readonly key: string;
  readonly state: string;
  /** One chat line describing it, already masked. */
  readonly text: string;
}

/** A scheduled run's result: the full report (for its attachments) and the findings to diff. */
export interface ScheduledOutcome {
  readonly report: Report;
  readonly findings: readonly Finding[];
}

/** Periodic work whose result is posted only when its findings changed since the last run. */
export interface ScheduledTask {
  /** Stable id: the scheduler id and the Redis state key (`drift-audit`, `health`). */
  readonly kind: string;
  /** Human title, e.g. `Scheduled drift audit`. */
  readonly title: string;
  /** When it runs: the feature's `schedules.*` entry of the config. */
  readonly when: ScheduleConfig;
  run(): Promise<ScheduledOutcome>;
}

/** What changed between two runs' findings. */
export interface FindingsDiff {
  readonly added: readonly Finding[];
  readonly changed: readonly Finding[];
  readonly resolved: readonly Finding[];
}

/** `previous` maps key → the finding as stored after the last run. */
export function diffFindings(previous: Readonly<Record<string, Finding>>, current: readonly Finding[]): FindingsDiff {
  const now = new Map(current.map((f) => [f.key, f]));
  return {
    added: current.filter((f) => previous[f.key] === undefined),
    changed: current.filter((f) => previous[f.key] !== undefined && previous[f.key]?.state !== f.state),
    resolved: Object.values(previous).filter((f) => !now.has(f.key)),
  };
}

export const isUnchanged = (diff: FindingsDiff): boolean =>
  diff.added.length === 0 && diff.changed.length === 0 && diff.resolved.length === 0;
