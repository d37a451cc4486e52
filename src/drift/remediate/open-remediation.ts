import { join } from 'node:path';
import { UserError } from '../../errors.js';
import type { Forge, PullRequest } from '../../forge/forge.js';
import type { AuditOptions, AuditResult } from '../audit-report.js';
import type { HostTarget } from '../discover-stacks.js';
import type { DriftItem } from '../drift-item.js';
import { normalizeProjectName } from '../load-stack.js';
import { backportService, type BackportResult } from './backport-service.js';
import { commitTitle, renderPrBody } from './pr-body.js';
import { refreshRepoDocs } from './repo-docs.js';
import { openChange, REMEDIATION_LABEL, type ChangeDeps } from '../../remediation/open-change.js';
import { minuteStamp, utcMinute } from './utc-minute.js';

/** What remediation needs, wired by the composition root. */
export interface RemediationDeps extends ChangeDeps {
  readonly audit: (options: AuditOptions) => Promise<AuditResult>;
  readonly hosts: readonly HostTarget[];
  /**
   * Backports drift of hosts that are not compose hosts (Kubernetes clusters, `backportClusterDrift`);
   * undefined from it means "not mine", and the compose backport runs.
   */
  readonly backportOther?: (input: {
    readonly repoDir: string;
    readonly host: string;
    readonly stack: string;
    readonly service: string;
    readonly items: readonly DriftItem[];
  }) => Promise<BackportResult | undefined>;
}

export interface RemediationTarget {
  readonly host?: string | undefined;
  readonly stack: string;
  readonly service: string;
  readonly requestedBy: string;
  /**
   * Rebuild this existing PR branch on the current target branch (force-pushed; the PR keeps its
   * number) instead of a new `fix/drift-<service>-<minute>` branch.
   */
  readonly branch?: string | undefined;
}

export interface OpenedRemediation {
  readonly pr: PullRequest;
  readonly host: string;
  readonly branch: string;
  readonly backport: BackportResult;
  readonly auditedCommit: string;
  readonly body: string;
}

export { REMEDIATION_LABEL };

/** `fix/drift-<service>-<yyyymmddhhmm>` (UTC). */
export const fixBranch = (service: string, at: Date): string => `fix/drift-${service}-${minuteStamp(at)}`;

function serviceItems(result: AuditResult, target: RemediationTarget): { host: string; items: DriftItem[] } {
  const mine = result.report.items.filter(
    (i) =>
      i.stack === target.stack && i.service === target.service && (target.host === undefined || i.host === target.host),
  );
  const host = mine[0]?.host;
  if (host === undefined) {
    throw new UserError(
      'no-drift',
      `${target.stack}/${target.service} matches git${target.host === undefined ? '' : ` on ${target.host}`}: there is nothing to fix.`,
    );
  }
  return { host, items: mine.filter((i) => i.host === host) };
}

/**
 * The open remediation PR of `stack/service`, if any (same title and `fix/drift-<service>-` branch):
 * a second `/drift fix` or Open PR click shows it instead of opening a duplicate.
 */
export async function findOpenRemediation(
  forge: Forge,
  target: Pick<RemediationTarget, 'stack' | 'service'>,
): Promise<PullRequest | undefined> {
  const title = commitTitle(target.stack, target.service);
  const open = await forge.listOpen({ label: REMEDIATION_LABEL });
  return open.find((pr) => pr.title === title && pr.headBranch.startsWith(`fix/drift-${target.service}-`));
}

/**
 * FR-2.1–2.3: re-audits the stack, backports the service in a private clone, refreshes the repo docs,
 * commits `fix(<stack>): sync <service> with running state` on `fix/drift-<service>-<minute>`,
 * pushes and opens a PR labelled `drift-remediation`. Commit dates are the minute, so a retried job
 * pushes the same commit again instead of a second one.
 */
export async function openRemediation(deps: RemediationDeps, target: RemediationTarget): Promise<OpenedRemediation> {
  const result = await deps.audit({ host: target.host, stack: target.stack });
  const { host, items } = serviceItems(result, target);
  const endpoint = deps.hosts.find((h) => h.name === host)?.endpoint ?? null;
  const now = deps.now();
  const branch = target.branch ?? fixBranch(target.service, utcMinute(now));
  const title = commitTitle(target.stack, target.service);
  const {
    pr,
    result: backport,
    body,
  } = await openChange(deps, {
    branch,
    from: result.report.commit,
    title,
    labels: [REMEDIATION_LABEL],
    unchanged: `Nothing of ${target.stack}/${target.service} changed in git: the compose files already say what runs.`,
    edit: async (clone) => {
      const stackDir = join(clone.dir, deps.apps.stacksDir, target.stack);
      const other = await deps.backportOther?.({
        repoDir: clone.dir,
        host,
        stack: target.stack,
        service: target.service,
        items,
      });
      const on = result.stackHosts?.get(`${host}/${target.stack}`);
      const done =
        other ??
        (await backportService({
          stackDir,
          endpoint,
          project: normalizeProjectName(target.stack),
          service: target.service,
          items,
          hostEnv: on?.hostEnv,
          projectDir: on?.projectDir,
          running: result.observed
            ?.get(host)
            ?.find((c) => c.project === normalizeProjectName(target.stack) && c.service === target.service)?.model,
        }));
      if (done.changes.length === 0) {
        const why = done.skipped.map((s) => `${s.item.path}: ${s.reason}`).join('; ');
        throw new UserError(
          'nothing-to-backport',
          `Nothing of ${target.stack}/${target.service} can be written back to git (${why}).`,
        );
      }
      if (other === undefined)
        await refreshRepoDocs({
          repoDir: clone.dir,
          stacksDir: deps.apps.stacksDir,
          hosts: deps.hosts,
          auditedAt: now,
          commit: result.report.commit,
        });
      return done;
    },
    body: (done) =>
      renderPrBody({
        host,
        stack: target.stack,
        service: target.service,
        ...done,
        auditedCommit: result.report.commit,
        auditedAt: result.report.generatedAt,
        report: items,
        requestedBy: target.requestedBy,
      }),
  });
  return { pr, host, branch, backport, auditedCommit: result.report.commit, body };
}
