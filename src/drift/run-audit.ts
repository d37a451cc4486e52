import type { AppConfig } from '../config/schema.js';
import { collectSecretValues } from '../secrets/collect-secret-values.js';
import { UserError } from '../errors.js';
import type { BranchSnapshot } from '../git/snapshot-branch.js';
import { secretBookOf, type Logger } from '../log.js';
import { auditHost, type ConnectHost } from './audit-host.js';
import type { AuditOptions, AuditResult } from './audit-report.js';
import { auditClusters, type ClusterAudit, type ClusterAuditDeps } from './cluster/audit-clusters.js';
import { findStaleStacks } from './compare-host.js';
import { discoverRepo } from './discover-stacks.js';

/** What an audit is given; everything with a side effect is injected. */
export interface AuditDeps {
  readonly config: Pick<AppConfig, 'hosts' | 'apps'> & { readonly limits?: AppConfig['limits'] };
  /** Connects one host's Docker engine (production: `connectDockerHost` from `src/infra`). */
  readonly connect: ConnectHost;
  /** A fresh export of the configured branch (production: `snapshotBranch(config.apps, cacheDir)`). */
  readonly snapshot: () => Promise<BranchSnapshot>;
  /** Wall clock in ms (`Date.now`). */
  readonly now: () => number;
  readonly log: Logger;
  /** Kubernetes clusters audited beside the hosts (issue #19); absent or empty: hosts only. */
  readonly clusters?: ClusterAuditDeps;
}

function selectHosts(deps: AuditDeps, options: AuditOptions): AppConfig['hosts'] {
  const hosts = deps.config.hosts;
  if (options.host === undefined) return hosts;
  const chosen = hosts.filter((h) => h.name === options.host);
  const clusters = deps.clusters?.clusters.map((c) => c.name) ?? [];
  if (clusters.includes(options.host)) return chosen;
  if (chosen.length === 0) {
    const known = [...hosts.map((h) => h.name), ...clusters].join(', ') || '(none configured)';
    throw new UserError('unknown-host', `Unknown host "${options.host}". Configured hosts: ${known}.`);
  }
  return chosen;
}

function checkStack(stacks: readonly string[], stack: string | undefined): void {
  if (stack === undefined || stacks.includes(stack)) return;
  throw new UserError('unknown-stack', `Unknown stack "${stack}". Stacks in git: ${stacks.join(', ') || '(none)'}.`);
}

/**
 * One drift audit (issue "Drift audit", FR-1): snapshot the branch, discover and assign stacks,
 * audit every selected host in parallel (one bad host never stops the others), add stale stacks.
 * Everything in the result is masked. Throws only `UserError` for unknown filters or a missing
 * `apps` section, and whatever the snapshot throws.
 */
export async function runAudit(deps: AuditDeps, options: AuditOptions = {}): Promise<AuditResult> {
  const started = deps.now();
  const apps = deps.config.apps;
  if (apps === undefined)
    throw new UserError(
      'no-apps-repo',
      'No apps repository is configured: add an `apps` section (path and/or url) to the config.',
    );
  const hosts = selectHosts(deps, options);
  const snapshotting = deps.snapshot();
  const planning = snapshotting.then(async (snapshot) => {
    const repo = await discoverRepo(snapshot.dir, deps.config.hosts, apps.stacksDir);
    if ((deps.clusters?.clusters.length ?? 0) === 0) checkStack(repo.stacks, options.stack);
    return { snapshot, repo };
  });
  // Known values: the config's, and the process's secret book (`.env` files, earlier host reads).
  const configSecrets = [...collectSecretValues(deps.config), ...(secretBookOf(deps.log)?.values() ?? [])];
  const clustering: Promise<ClusterAudit> =
    deps.clusters === undefined
      ? Promise.resolve({ statuses: [], items: [], sides: [], audited: 0 })
      : planning.then(({ snapshot }) =>
          auditClusters(
            deps.clusters as ClusterAuditDeps,
            { repoDir: snapshot.dir, commit: snapshot.commit, knownSecrets: configSecrets },
            options,
          ),
        );
  // Hosts connect and inspect while git snapshots; each awaits the plan only to compare.
  const auditing = Promise.all(
    hosts.map((host) =>
      auditHost({
        host,
        configSecrets,
        connect: deps.connect,
        now: deps.now,
        log: deps.log,
        plan: async () => {
          const { snapshot, repo } = await planning;
          const assigned = repo.assignments.get(host.name) ?? [];
          const stacks = options.stack === undefined ? assigned : assigned.filter((s) => s === options.stack);
          return {
            repoDir: snapshot.dir,
            stacksDir: apps.stacksDir,
            stacks,
            onlyStacks: options.stack !== undefined,
            maxComposeBytes: deps.config.limits?.composeFileSize,
          };
        },
      }),
    ),
  );
  try {
    const [{ snapshot, repo }, audits, clusters] = await Promise.all([planning, auditing, clustering]);
    const stale =
      options.host === undefined
        ? findStaleStacks(repo.stacks, repo.assignments).filter(
            (i) => options.stack === undefined || i.stack === options.stack,
          )
        : [];
    const report = {
      generatedAt: new Date(started).toISOString(),
      commit: snapshot.commit,
      hosts: [...audits.map((a) => a.status), ...clusters.statuses],
      items: [...audits.flatMap((a) => a.items), ...stale, ...clusters.items],
      durationMs: Math.round(deps.now() - started),
      servicesAudited: audits.reduce((n, a) => n + a.servicesAudited, 0) + clusters.audited,
      warnings: repo.warnings,
    };
    deps.log.info(
      { commit: report.commit, items: report.items.length, durationMs: report.durationMs },
      'drift audit done',
    );
    const stackHosts = new Map(
      hosts.flatMap((h, i) =>
        [...(audits[i]?.stackHosts ?? new Map())].map(([stack, on]) => [`${h.name}/${stack}`, on] as const),
      ),
    );
    const observed = new Map(hosts.map((h, i) => [h.name, audits[i]?.observed ?? []] as const));
    return { report, sides: [...audits.flatMap((a) => a.sides), ...clusters.sides], stackHosts, observed };
  } finally {
    await Promise.allSettled([auditing, clustering]);
    await snapshotting.then(
      (s) => s.dispose(),
      () => undefined,
    );
  }
}
