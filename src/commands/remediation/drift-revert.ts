import { revertRemediation } from '../../drift/remediate/revert-remediation.js';
import type { Processor } from './jobs.js';
import { requireRemediation, type RemediationJobDeps } from './remediation-job-deps.js';

/** Revert: undo a merged remediation PR; refused (as a report) when it is not merged. */
export const driftRevertProcessor =
  (deps: RemediationJobDeps): Processor<'drift.revert'> =>
  async (payload) => {
    const { forge, tmpDir } = requireRemediation(deps);
    const { pr, stack, service } = payload.payload;
    const outcome = await revertRemediation(
      { forge, trail: deps.trail, tmpDir },
      { pr, stack, service, requester: payload.requester },
    );
    if (outcome.kind === 'refused')
      return {
        title: `PR #${pr} not reverted`,
        status: 'failed',
        summary: outcome.message,
        fields: [{ name: 'Refused', value: outcome.code }],
      };
    const via =
      outcome.revertPr === undefined
        ? `pushed to the target branch as ${outcome.landedSha}`
        : `PR #${outcome.revertPr.number} merged as ${outcome.landedSha}`;
    return {
      title: `PR #${pr} reverted`,
      status: 'ok',
      summary: `Reverted by ${payload.requester.name ?? payload.requester.id}: ${via}.`,
      fields: [{ name: 'Revert branch', value: `${outcome.branch} @ ${outcome.revertSha}` }],
    };
  };
