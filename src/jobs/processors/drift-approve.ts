import { approve } from '../../commands/approve.js';
import { revert } from '../../commands/revert.js';
import { approveRemediation } from '../../drift/remediate/approve-remediation.js';
import type { Processor } from '../processor.js';
import { requireRemediation, type RemediationJobDeps } from './remediation-job-deps.js';

/** Approve: merge only at the shown head sha; on success offer Revert. Refusals are reports, not retries. */
export const driftApproveProcessor = (deps: RemediationJobDeps): Processor<'drift.approve'> => async (payload, ctx) => {
  const { forge, tmpDir } = requireRemediation(deps);
  const { pr, headSha, stack, service } = payload.payload;
  const who = payload.requester.name ?? payload.requester.id;
  const outcome = await approveRemediation({ forge, trail: deps.trail, tmpDir }, { pr, headSha, stack, service, actionId: payload.actionId, approver: payload.requester });
  if (outcome.kind === 'refused') {
    // A moved head gets a fresh Approve for the new head, so the operator approves what they now see.
    const next = outcome.currentHeadSha === undefined ? [] : [await ctx.createButton(approve, { ...payload.payload, headSha: outcome.currentHeadSha }, `Approve #${pr} at ${outcome.currentHeadSha.slice(0, 7)}`, 'success')];
    return { title: `PR #${pr} not merged`, status: 'failed', summary: outcome.message, fields: [{ name: 'Refused', value: outcome.code }], ...(next.length > 0 ? { actions: next } : {}) };
  }
  const button = await ctx.createButton(revert, { pr, stack, service }, `Revert #${pr}`, 'danger');
  return {
    title: `PR #${pr} merged`,
    status: 'ok',
    summary: `Approved by ${who}; merge commit ${outcome.mergeSha}.`,
    fields: [{ name: 'PR', value: outcome.pr.url }, { name: 'Merged head', value: headSha }],
    actions: [button],
  };
};
