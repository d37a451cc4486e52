import { join } from 'node:path';
import type { AppConfig } from '../../config/schema.js';
import { driftAuditDeps, type AuditConnections } from '../../drift/cli-audit.js';
import { backportClusterDrift } from '../../drift/cluster/backport-values.js';
import { gitLogByStack } from '../../drift/remediate/git-log-by-stack.js';
import { runAudit } from '../../drift/run-audit.js';
import type { Forge, GitRemote } from '../../forge/forge.js';
import type { ActionRefusal } from '../../bot/dispatch-deps.js';
import type { Logger } from '../../log.js';
import type { AuditTrailStore } from '../../store/audit-trail-store.js';
import type { RemediationJobDeps } from './remediation-job-deps.js';
import { defaultCacheDir } from '../../config/cache-dir.js';

/** The composition root's inputs for remediation. */
export interface RemediationWiring {
  readonly trail: AuditTrailStore;
  /** The configured forge, or undefined (no `apps.forge`: read-only, the jobs refuse clearly). */
  readonly forge: Forge | undefined;
  readonly log: Logger;
  /** Snapshots and per-job clones go below it; default the per-user cache dir (defaultCacheDir). */
  readonly cacheDir?: string | undefined;
  /** The root's host and cluster connections for the re-audit. */
  readonly connections: AuditConnections;
}

/** Where `/audit-trail` reads the git log from: the forge's remote, else the configured apps url/path. */
function logRemote(config: AppConfig, forge: Forge | undefined): GitRemote | undefined {
  if (forge !== undefined) return forge.remote;
  const url = config.apps?.url ?? config.apps?.path;
  return url === undefined ? undefined : { url, env: {} };
}

/** Remediation job deps for a loaded config (the production wiring of `remediationProcessors`). */
export function remediationJobDeps(config: AppConfig, wiring: RemediationWiring): RemediationJobDeps {
  const cacheDir = wiring.cacheDir ?? defaultCacheDir();
  const tmpDir = join(cacheDir, 'remediate');
  const apps = config.apps;
  const remote = logRemote(config, wiring.forge);
  const remediation =
    apps === undefined || wiring.forge === undefined
      ? undefined
      : {
          audit: (options: Parameters<typeof runAudit>[1]) =>
            runAudit(
              driftAuditDeps(config, {
                log: wiring.log,
                cacheDir,
                ...wiring.connections,
              }),
              options,
            ),
          forge: wiring.forge,
          apps: { branch: apps.branch, stacksDir: apps.stacksDir },
          hosts: config.hosts,
          tmpDir,
          now: () => new Date(),
          backportOther: (input: Parameters<typeof backportClusterDrift>[1]) =>
            backportClusterDrift(config.clusters, input),
        };
  return {
    remediation,
    trail: wiring.trail,
    gitLog: async (days) =>
      remote === undefined || apps === undefined
        ? undefined
        : gitLogByStack(remote, apps.branch, apps.stacksDir, days, tmpDir),
  };
}

const REMEDIATION_ACTIONS = new Set([
  'drift.approve',
  'drift.revert',
  'drift.revert-in-order',
  'drift.open-pr',
  'drift.adopt-container',
]);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The dispatcher's `onActionRefused` hook for remediation buttons: a refused Approve/Revert/Open PR
 * click (not allowed, expired, already used) goes to the audit trail like the worker's refusals.
 */
export const recordRefusedClicks =
  (trail: AuditTrailStore) =>
  async (refusal: ActionRefusal): Promise<void> => {
    const { record, user, code, message } = refusal;
    if (!REMEDIATION_ACTIONS.has(record.kind)) return;
    const p = record.payload;
    await trail.record({
      event: 'refused',
      who: user,
      pr: typeof p['pr'] === 'number' ? p['pr'] : 0,
      stack: text(p['stack']) ?? '',
      service: text(p['service']) ?? '',
      headSha: text(p['headSha']),
      reason: `${code}: ${record.label} — ${message}`,
    });
  };
