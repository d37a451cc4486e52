import type { Logger } from '../log.js';

/** The media services the checks look at, in display order. */
export const serviceNames = [
  'overseerr',
  'jellyseerr',
  'radarr',
  'sonarr',
  'prowlarr',
  'qbittorrent',
  'plex',
  'jellyfin',
  'gluetun',
  'kubernetes',
] as const;
export type ServiceName = (typeof serviceNames)[number];

/** `fail`: the service or integration is broken; `warn`: works but off; `error`: the check itself could not run. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'error' | 'skipped';

/**
 * A compose edit that would fix a finding (FR-4.1): set `field` of `service` in `stack` to `value`
 * (a literal, or `${VAR}` to reference the env). Offered as an "Open fix PR" button.
 */
export interface FixProposal {
  readonly stack: string;
  readonly service: string;
  /** Dotted compose path, e.g. `volumes` or `environment.RADARR__AUTH__APIKEY`. */
  readonly field: string;
  readonly value: string;
  /** Why, one line (goes into the PR body; never a secret value). */
  readonly reason: string;
}

/** One itemised problem: what is wrong, why we think so, and what to do. */
export interface Finding {
  readonly summary: string;
  readonly diagnosis: string;
  readonly suggestion: string;
  readonly fix?: FixProposal;
}

/** A check's verdict. A failed check is a value, never an exception. */
export interface CheckResult {
  readonly status: CheckStatus;
  readonly findings: readonly Finding[];
  /** A short fact for the checklist when all is well, e.g. `v4.5.2`. */
  readonly note?: string;
}

/** What a check may use while it runs. */
export interface CheckContext {
  readonly log: Logger;
}

/** One health/integration check; dependencies (clients, docker hosts) are bound when it is built. */
export interface Check {
  /** Stable id, e.g. `qbittorrent.auth`, `vpn.public-ip`. */
  readonly id: string;
  readonly service: ServiceName;
  readonly title: string;
  /** Must honour `signal` (the runner aborts it at the per-check timeout). */
  run(context: CheckContext, signal: AbortSignal): Promise<CheckResult>;
}

export const passed = (note?: string): CheckResult => ({
  status: 'ok',
  findings: [],
  ...(note === undefined ? {} : { note }),
});
export const failed = (...findings: Finding[]): CheckResult => ({ status: 'fail', findings });
export const warned = (...findings: Finding[]): CheckResult => ({ status: 'warn', findings });
export const skipped = (note: string): CheckResult => ({ status: 'skipped', findings: [], note });

/** A check built from its parts (keeps check files declarative). */
export const defineCheck = (check: Check): Check => check;
