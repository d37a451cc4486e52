import { openHealthFix, type HealthFixDeps } from '../../checks/open-health-fix.js';
import { UserError } from '../../errors.js';
import type { Processor } from '../processor.js';

/** `health.open-fix`: opens the PR for one proposed compose fix (the "Open fix PR" button). */
export function healthOpenFixProcessor(deps: (() => HealthFixDeps) | undefined): Processor<'health.open-fix'> {
  return async (payload, ctx) => {
    if (deps === undefined) {
      throw new UserError('health-fix-no-forge', 'Fix PRs need a forge: add apps.forge to the config (see config.example.yaml); until then apply the suggestion by hand.');
    }
    await ctx.progress(`🔄 Opening a PR for ${payload.payload.stack}/${payload.payload.service}…`);
    const pr = await openHealthFix(deps(), payload.payload, payload.requester.name ?? payload.requester.id);
    return {
      title: 'Fix PR opened',
      status: 'ok',
      summary: `PR #${pr.number}: ${pr.title}`,
      fields: [{ name: 'Pull request', value: pr.url }, { name: 'Change', value: `${payload.payload.field} → ${payload.payload.value}` }],
      lines: ['Review and merge it, redeploy the stack, then run /health again.'],
    };
  };
}
