import { openAdoption, type AdoptionTarget } from '../../drift/remediate/open-adoption.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import type { Report } from '../../report/report.js';
import { approve } from './approve.js';
import type { JobPayload, Processor } from './jobs.js';
import { requireRemediation, type RemediationJobDeps } from './remediation-job-deps.js';

type Requester = JobPayload<'drift.adopt'>['requester'];

async function adoptAndReport(
  deps: RemediationJobDeps,
  target: AdoptionTarget,
  requester: Requester,
  ctx: ProcessorContext,
): Promise<Report> {
  const remediation = requireRemediation(deps);
  await ctx.progress(`🔄 Inspecting ${target.container} and preparing a pull request that adds it to ${target.stack}…`);
  const opened = await openAdoption(remediation, target);
  const { pr } = opened;
  await deps.trail.record({
    event: 'opened',
    who: requester,
    pr: pr.number,
    stack: target.stack,
    service: opened.service,
    branch: opened.branch,
    headSha: pr.headSha,
  });
  const button = await ctx.createButton(
    approve,
    { pr: pr.number, headSha: pr.headSha, stack: target.stack, service: opened.service },
    `Approve #${pr.number}`,
    'success',
  );
  return {
    title: `PR #${pr.number} opened: ${pr.title}`,
    status: 'ok',
    summary: `${opened.host}/${target.container} becomes the service ${opened.service} of ${target.stack} (container_name ${target.container}). Approve merges it only while its head is ${pr.headSha.slice(0, 12)}.`,
    fields: [
      { name: 'PR', value: pr.url },
      { name: 'Branch', value: `${opened.branch} @ ${pr.headSha}` },
      { name: 'Files', value: opened.files.join(', ') },
    ],
    lines:
      opened.secretVars.length > 0
        ? [
            `Secrets referenced as \${VAR}: ${opened.secretVars.join(', ')} (added to .env.sample; set them in the host .env)`,
          ]
        : [],
    actions: [button],
  };
}

/** `/drift adopt <container> <stack> [host]`. */
export const driftAdoptProcessor =
  (deps: RemediationJobDeps): Processor<'drift.adopt'> =>
  (payload, ctx) =>
    adoptAndReport(
      deps,
      { ...payload.options, requestedBy: payload.requester.name ?? payload.requester.id },
      payload.requester,
      ctx,
    );

/** The "Adopt" button under an unmanaged container. */
export const driftAdoptButtonProcessor =
  (deps: RemediationJobDeps): Processor<'drift.adopt-container'> =>
  (payload, ctx) =>
    adoptAndReport(
      deps,
      { ...payload.payload, requestedBy: payload.requester.name ?? payload.requester.id },
      payload.requester,
      ctx,
    );
