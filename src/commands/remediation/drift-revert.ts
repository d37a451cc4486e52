import { revertInOrder } from '../../drift/remediate/revert-chain.js';
import { revertRemediation, type RevertOutcome } from '../../drift/remediate/revert-remediation.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import type { Report } from '../../report/report.js';
import type { Processor } from './jobs.js';
import { requireRemediation, type RemediationJobDeps } from './remediation-job-deps.js';
import { revertInOrderAction } from './revert.js';

type Requester = { readonly name?: string | undefined; readonly id: string };

/** The PRs to revert in order when every later overlapping merge names its PR, else undefined. */
const inOrder = (outcome: RevertOutcome, pr: number): number[] | undefined => {
  if (outcome.kind !== 'refused' || outcome.later === undefined || outcome.later.length === 0) return undefined;
  const prs = outcome.later.map((m) => m.pr);
  return prs.every((n) => n !== undefined) ? [...prs, pr] : undefined;
};

async function report(
  outcome: RevertOutcome,
  what: string,
  requester: Requester,
  offer: (prs: number[]) => Promise<NonNullable<Report['actions']>>,
  pr: number,
): Promise<Report> {
  if (outcome.kind === 'refused') {
    const prs = inOrder(outcome, pr);
    return {
      title: `${what} not reverted`,
      status: 'failed',
      summary: outcome.message,
      fields: [{ name: 'Refused', value: outcome.code }],
      ...(prs === undefined ? {} : { actions: await offer(prs) }),
    };
  }
  const via =
    outcome.revertPr === undefined
      ? `pushed to the target branch as ${outcome.landedSha}`
      : `PR #${outcome.revertPr.number} merged as ${outcome.landedSha}`;
  return {
    title: `${what} reverted`,
    status: 'ok',
    summary: `Reverted by ${requester.name ?? requester.id}: ${via}.`,
    fields: [{ name: 'Revert branch', value: `${outcome.branch} @ ${outcome.revertSha}` }],
  };
}

const offerInOrder =
  (ctx: ProcessorContext, stack: string, service: string) =>
  async (prs: number[]): Promise<NonNullable<Report['actions']>> => [
    await ctx.createButton(
      revertInOrderAction,
      { prs, stack, service },
      `Revert ${prs.map((n) => `#${String(n)}`).join(', ')} in order`.slice(0, 80),
      'danger',
    ),
  ];

/** Revert: undo a merged remediation PR; refused (as a report) when it is not merged or later merges overlap. */
export const driftRevertProcessor =
  (deps: RemediationJobDeps): Processor<'drift.revert'> =>
  async (payload, ctx) => {
    const { forge, tmpDir } = requireRemediation(deps);
    const { pr, stack, service } = payload.payload;
    const outcome = await revertRemediation(
      { forge, trail: deps.trail, tmpDir },
      { pr, stack, service, requester: payload.requester },
    );
    return report(outcome, `PR #${pr}`, payload.requester, offerInOrder(ctx, stack, service), pr);
  };

/** "Revert in order": the later PRs, then the one asked for, newest first, as one change. */
export const driftRevertInOrderProcessor =
  (deps: RemediationJobDeps): Processor<'drift.revert-in-order'> =>
  async (payload) => {
    const { forge, tmpDir } = requireRemediation(deps);
    const { prs, stack, service } = payload.payload;
    const outcome = await revertInOrder(
      { forge, trail: deps.trail, tmpDir },
      { prs, stack, service, requester: payload.requester },
    );
    const what = `PRs ${prs.map((n) => `#${String(n)}`).join(', ')}`;
    return report(outcome, what, payload.requester, () => Promise.resolve([]), prs.at(-1) ?? 0);
  };
