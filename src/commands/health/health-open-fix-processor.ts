import { openHealthFix, type HealthFixDeps } from '../../checks/open-health-fix.js';
import { approve } from '../remediation/index.js';
import { UserError } from '../../errors.js';
import type { AuditTrailStore } from '../../store/audit-trail-store.js';
import type { Processor } from './jobs.js';

/**
 * `health.open-fix`: opens the PR for one proposed compose fix (the "Open fix PR" button) and
 * offers the same Approve button as drift remediation (head-sha guarded merge, then Revert).
 * `trail` records the opened PR in the audit trail when given.
 */
export function healthOpenFixProcessor(
  deps: (() => HealthFixDeps) | undefined,
  trail?: AuditTrailStore,
): Processor<'health.open-fix'> {
  return async (payload, ctx) => {
    if (deps === undefined) {
      throw new UserError(
        'health-fix-no-forge',
        'Fix PRs need a forge: add apps.forge to the config (see config.example.yaml); until then apply the suggestion by hand.',
      );
    }
    const { stack, service, field, value } = payload.payload;
    await ctx.progress(`🔄 Opening a PR for ${stack}/${service}…`);
    const pr = await openHealthFix(deps(), payload.payload, payload.requester.name ?? payload.requester.id);
    await trail?.record({
      event: 'opened',
      who: payload.requester,
      pr: pr.number,
      stack,
      service,
      branch: pr.headBranch,
      headSha: pr.headSha,
    });
    const button = await ctx.createButton(
      approve,
      { pr: pr.number, headSha: pr.headSha, stack, service },
      `Approve #${String(pr.number)}`,
      'success',
    );
    return {
      title: 'Fix PR opened',
      status: 'ok',
      summary: `PR #${String(pr.number)}: ${pr.title}. Approve merges it only while its head is ${pr.headSha.slice(0, 12)}.`,
      fields: [
        { name: 'Pull request', value: pr.url },
        { name: 'Change', value: `${field} → ${value}` },
      ],
      lines: ['After the merge, redeploy the stack, then run /health again.'],
      actions: [button],
    };
  };
}
