import { approve } from './approve.js';
import {
  findOpenRemediation,
  openRemediation,
  type OpenedRemediation,
  type RemediationTarget,
} from '../../drift/remediate/open-remediation.js';
import type { Report } from '../../report/report.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import type { Processor } from './jobs.js';
import type { JobPayload } from './jobs.js';
import { requireRemediation, type RemediationJobDeps } from './remediation-job-deps.js';

type Requester = JobPayload<'drift.fix'>['requester'];

async function openAndReport(
  deps: RemediationJobDeps,
  target: RemediationTarget,
  requester: Requester,
  ctx: ProcessorContext,
): Promise<Report> {
  const remediation = requireRemediation(deps);
  const existing = await findOpenRemediation(remediation.forge, target);
  if (existing !== undefined) {
    const again = await ctx.createButton(
      approve,
      { pr: existing.number, headSha: existing.headSha, stack: target.stack, service: target.service },
      `Approve #${String(existing.number)}`,
      'success',
    );
    return {
      title: `PR #${String(existing.number)} is already open: ${existing.title}`,
      status: 'warning',
      summary: `${target.stack}/${target.service} already has an open remediation PR, so no second one was opened. Approve merges it only while its head is ${existing.headSha.slice(0, 12)}; close it first to open a fresh one.`,
      fields: [
        { name: 'PR', value: existing.url },
        { name: 'Branch', value: `${existing.headBranch} @ ${existing.headSha}` },
      ],
      actions: [again],
    };
  }
  await ctx.progress(`🔄 Re-auditing ${target.stack}/${target.service} and preparing a pull request…`);
  const opened: OpenedRemediation = await openRemediation(remediation, target);
  const { pr, backport } = opened;
  await deps.trail.record({
    event: 'opened',
    who: requester,
    pr: pr.number,
    stack: target.stack,
    service: target.service,
    branch: opened.branch,
    headSha: pr.headSha,
  });
  const button = await ctx.createButton(
    approve,
    { pr: pr.number, headSha: pr.headSha, stack: target.stack, service: target.service },
    `Approve #${pr.number}`,
    'success',
  );
  return {
    title: `PR #${pr.number} opened: ${pr.title}`,
    status: 'ok',
    summary: `${backport.changes.length} change(s) for ${opened.host}/${target.stack}/${target.service}. Approve merges it only while its head is ${pr.headSha.slice(0, 12)}.`,
    fields: [
      { name: 'PR', value: pr.url },
      { name: 'Branch', value: `${opened.branch} @ ${pr.headSha}` },
      { name: 'Audited commit', value: opened.auditedCommit.slice(0, 12) },
    ],
    lines: [
      ...backport.changes.map((c) => `• \`${c.path}\` (${c.file}): ${c.from ?? '∅'} → ${c.to ?? '∅'}`),
      ...backport.skipped.map((s) => `◦ not changed \`${s.item.path}\`: ${s.reason}`),
      ...(backport.envSampleVars.length > 0
        ? [`Secrets referenced as \${VAR}: ${backport.envSampleVars.join(', ')} (added to .env.sample)`]
        : []),
    ],
    actions: [button],
  };
}

/** `/drift fix <stack> <service> [host]`. */
export const driftFixProcessor =
  (deps: RemediationJobDeps): Processor<'drift.fix'> =>
  (payload, ctx) =>
    openAndReport(
      deps,
      { ...payload.options, requestedBy: payload.requester.name ?? payload.requester.id },
      payload.requester,
      ctx,
    );

/** The "Open PR" button under a drifted service in an audit thread. */
export const driftOpenPrProcessor =
  (deps: RemediationJobDeps): Processor<'drift.open-pr'> =>
  (payload, ctx) =>
    openAndReport(
      deps,
      { ...payload.payload, requestedBy: payload.requester.name ?? payload.requester.id },
      payload.requester,
      ctx,
    );
