import type { Writable } from 'node:stream';
import { appsSchema } from '../config/apps-schema.js';
import type { AppConfig } from '../config/schema.js';
import { UserError } from '../errors.js';
import { appsGitEnv } from '../forge/apps-git-env.js';
import { snapshotBranch } from '../git/snapshot-branch.js';
import { silentLogger, type Logger } from '../log.js';
import type { AuditOptions, AuditReport } from './audit-report.js';
import { renderAuditJson, renderAuditMarkdown } from './render-audit.js';
import { runAudit, type AuditDeps } from './run-audit.js';
import { hostImageHealthchecks } from './image-healthchecks.js';
import { renderLintJson, renderLintMarkdown, runLint, type LintDeps } from './run-lint.js';
import { defaultCacheDir } from '../config/cache-dir.js';

/** `homelab-bot drift audit [--host h] [--stack s] [--json]`. */
export interface DriftAuditCliOptions extends AuditOptions {
  readonly json: boolean;
}

/** Where snapshots of the apps repo go. */
export interface SnapshotDeps {
  /** Where the apps repo is cloned and snapshots are exported; default the per-user cache dir (defaultCacheDir). */
  readonly cacheDir?: string;
}

/**
 * What an audit reaches hosts and clusters with: the composition root's adapters (src/app's
 * `realAdapters`; tests pass lab-backed ones). Nothing in src/drift builds a connection itself.
 */
export interface AuditConnections {
  readonly connect: AuditDeps['connect'];
  readonly connectCluster: NonNullable<AuditDeps['clusters']>['connect'];
}

export interface DriftCliDeps extends SnapshotDeps, AuditConnections {
  readonly log?: Logger;
}

/** Exit code of an audit: 3 nothing audited, 1 drift or an unreachable host, 0 clean. */
export function auditExitCode(report: AuditReport): 0 | 1 | 3 {
  if (!report.hosts.some((h) => h.reachable)) return 3;
  const drift = report.items.some((i) => i.severity !== 'unverifiable');
  return drift || report.hosts.some((h) => !h.reachable) ? 1 : 0;
}

/** Snapshots the configured apps branch (a `UserError` when no apps repository is configured). */
export function appsSnapshot(config: AppConfig, deps: SnapshotDeps = {}): AuditDeps['snapshot'] {
  const apps = config.apps;
  if (apps === undefined)
    throw new UserError(
      'no-apps-repo',
      'No apps repository is configured: add an `apps` section (path and/or url) to the config.',
    );
  const cacheDir = deps.cacheDir ?? defaultCacheDir();
  return () =>
    snapshotBranch(
      {
        path: apps.path,
        url: apps.url,
        branch: apps.branch,
        env: appsGitEnv(apps),
        timeoutMs: config.timeouts.ms.git,
      },
      cacheDir,
    );
}

/** Audit dependencies for a loaded config, over the root's connections. */
export function driftAuditDeps(config: AppConfig, deps: DriftCliDeps): AuditDeps {
  const log = deps.log ?? silentLogger();
  return {
    config,
    connect: deps.connect,
    snapshot: appsSnapshot(config, deps),
    now: () => Date.now(),
    log,
    ...(config.clusters.length === 0
      ? {}
      : { clusters: { clusters: config.clusters, connect: deps.connectCluster, log } }),
  };
}

/**
 * Runs one audit and prints the Markdown report, or the JSON report with `json`. Returns the exit
 * code (0 clean, 1 drift found, 3 nothing could be audited); `UserError`s (unknown host/stack) propagate.
 */
export async function runDriftAuditCli(
  config: AppConfig,
  options: DriftAuditCliOptions,
  out: Writable,
  deps: DriftCliDeps,
): Promise<0 | 1 | 3> {
  const result = await runAudit(driftAuditDeps(config, deps), { host: options.host, stack: options.stack });
  out.write(options.json ? renderAuditJson(result.report) : renderAuditMarkdown(result));
  return auditExitCode(result.report);
}

/** Production lint dependencies for a loaded config. */
/** What lint reaches hosts with: only `connect`, to read image healthchecks (none: the lint config's allow-list). */
export type LintConnections = SnapshotDeps & Partial<Pick<AuditConnections, 'connect'>>;

export function driftLintDeps(config: AppConfig, deps: LintConnections = {}): LintDeps {
  const { connect } = deps;
  return {
    config,
    snapshot: appsSnapshot(config, deps),
    now: () => Date.now(),
    // Images whose own healthcheck (read on the hosts) makes a compose healthcheck unnecessary.
    ...(connect === undefined
      ? {}
      : { imageHealthchecks: (images) => hostImageHealthchecks(config.hosts, connect, images) }),
  };
}

/** Lint deps over a working tree as it is on disk (pre-commit hooks: uncommitted changes count). */
function workingTreeLintDeps(config: AppConfig, dir: string): LintDeps {
  const apps = config.apps ?? appsSchema.parse({ path: dir });
  return {
    config: { ...config, apps },
    snapshot: () => Promise.resolve({ dir, commit: 'working-tree', dispose: () => Promise.resolve() }),
    now: () => Date.now(),
  };
}

/**
 * `homelab-bot drift lint [--json] [--dir path]`: prints the findings; exit 1 when there are any,
 * else 0. With `dir`, the folder is linted as it is on disk instead of a snapshot of the branch.
 */
export async function runDriftLintCli(
  config: AppConfig,
  options: { readonly json: boolean; readonly dir?: string | undefined },
  out: Writable,
  deps: LintConnections = {},
): Promise<0 | 1> {
  const report = await runLint(
    options.dir === undefined ? driftLintDeps(config, deps) : workingTreeLintDeps(config, options.dir),
  );
  out.write(options.json ? renderLintJson(report) : renderLintMarkdown(report));
  return report.findings.length > 0 ? 1 : 0;
}
