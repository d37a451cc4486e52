import { approve } from './approve.js';
import { revert } from './revert.js';
import { approveRemediation } from '../../drift/remediate/approve-remediation.js';
import { openRemediation } from '../../drift/remediate/open-remediation.js';
import { UserError } from '../../errors.js';
import type { Report } from '../../report/report.js';
import type { JobPayload } from './jobs.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import type { Processor } from './jobs.js';
import { requireRemediation, type RemediationJobDeps } from './remediation-job-deps.js';

/** Approve: merge only at the shown head sha; on success offer Revert. Refusals are reports, not retries. */
export const driftApproveProcessor =
  (deps: RemediationJobDeps): Processor<'drift.approve'> =>
  async (payload, ctx) => {
    const { forge, tmpDir } = requireRemediation(deps);
    const { pr, headSha, stack, service } = payload.payload;
    const who = payload.requester.name ?? payload.requester.id;
    const outcome = await approveRemediation(
      { forge, trail: deps.trail, tmpDir },
      { pr, headSha, stack, service, actionId: payload.actionId, approver: payload.requester },
    );
    if (outcome.kind === 'refused' && outcome.code === 'not-mergeable') {
      const rebuilt = await rebuildConflicting(deps, payload, ctx);
      if (rebuilt !== undefined) return rebuilt;
    }
    if (outcome.kind === 'refused') {
      // A moved head gets a fresh Approve for the new head, so the operator approves what they now see.
      const next =
        outcome.currentHeadSha === undefined
          ? []
          : [
              await ctx.createButton(
                approve,
                { ...payload.payload, headSha: outcome.currentHeadSha },
                `Approve #${pr} at ${outcome.currentHeadSha.slice(0, 7)}`,
                'success',
              ),
            ];
      return {
        title: `PR #${pr} not merged`,
        status: 'failed',
        summary: outcome.message,
        fields: [{ name: 'Refused', value: outcome.code }],
        ...(next.length > 0 ? { actions: next } : {}),
      };
    }
    const button = await ctx.createButton(revert, { pr, stack, service }, `Revert #${pr}`, 'danger');
    return {
      title: `PR #${pr} merged`,
      status: 'ok',
      summary: `Approved by ${who}; merge commit ${outcome.mergeSha}.`,
      fields: [
        { name: 'PR', value: outcome.pr.url },
        { name: 'Merged head', value: headSha },
      ],
      actions: [button],
    };
  };

/**
 * A drift PR that conflicts with the target branch (typically the README table or the "Last audit"
 * line after another remediation PR merged) is rebuilt on the current branch: re-audited, backported
 * again and force-pushed to the same PR branch. The operator approves the new head; nothing merged.
 * Undefined when the PR is not a drift PR (health fixes) or there is nothing left to write back.
 */
async function rebuildConflicting(
  deps: RemediationJobDeps,
  payload: JobPayload<'drift.approve'>,
  ctx: ProcessorContext,
): Promise<Report | undefined> {
  const { forge } = requireRemediation(deps);
  const { pr, stack, service } = payload.payload;
  const current = await forge.getPullRequest(pr);
  if (current.state !== 'open' || !current.headBranch.startsWith(`fix/drift-${service}-`)) return undefined;
  await ctx.progress(
    `🔄 PR #${String(pr)} conflicts with ${current.baseBranch}: rebuilding it on the current ${current.baseBranch}…`,
  );
  try {
    const rebuilt = await openRemediation(requireRemediation(deps), {
      stack,
      service,
      requestedBy: payload.requester.name ?? payload.requester.id,
      branch: current.headBranch,
    });
    const button = await ctx.createButton(
      approve,
      { pr, headSha: rebuilt.pr.headSha, stack, service },
      `Approve #${String(pr)} at ${rebuilt.pr.headSha.slice(0, 7)}`,
      'success',
    );
    return {
      title: `PR #${String(pr)} rebuilt on ${current.baseBranch}, not merged yet`,
      status: 'warning',
      summary: `It conflicted with ${current.baseBranch} (another change touched the same lines), so it was rebuilt from a fresh audit: its head is now ${rebuilt.pr.headSha.slice(0, 12)}. Review it and approve again.`,
      fields: [
        { name: 'PR', value: rebuilt.pr.url },
        { name: 'New head', value: rebuilt.pr.headSha },
      ],
      lines: rebuilt.backport.changes.map((c) => `• \`${c.path}\` (${c.file}): ${c.from ?? '∅'} → ${c.to ?? '∅'}`),
      actions: [button],
    };
  } catch (error) {
    if (error instanceof UserError)
      return {
        title: `PR #${String(pr)} not merged`,
        status: 'failed',
        summary: `It conflicts with ${current.baseBranch} and could not be rebuilt: ${error.message}`,
      };
    throw error;
  }
}
