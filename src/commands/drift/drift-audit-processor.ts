import type { ActionButton, Attachment } from '../../chat/chat-port.js';
import { driftAdoptButton, driftOpenPr } from '../remediation/index.js';
import type { AuditOptions, AuditResult } from '../../drift/audit-report.js';
import { serviceKey } from '../../drift/audit-report.js';
import {
  groupByService,
  renderAuditJson,
  renderAuditMarkdown,
  renderAuditSummary,
  renderServiceDiff,
  renderServiceMessage,
} from '../../drift/render-audit.js';
import type { DriftItem } from '../../drift/drift-item.js';
import { MASK } from '../../drift/mask.js';
import { serviceKeyOf, unmanagedContainerOf } from '../../drift/remediate/adopt-service.js';
import { planEdits } from '../../drift/remediate/field-edit.js';
import { diffFileName } from '../../drift/service-diff.js';
import type { Report } from '../../report/report.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import type { Processor } from './jobs.js';

/** What the audit job needs: the audit itself, wired by the composition root (`driftAuditDeps`). */
export interface DriftAuditJobDeps {
  readonly audit: (options: AuditOptions) => Promise<AuditResult>;
  /** Offer an "Open PR" button under each drifted service (only when a forge is configured). */
  readonly openPrButtons?: boolean;
}

/** Thread messages per run at most; everything else is in `drift-report.md` (chat rate limits). */
const MAX_SERVICE_MESSAGES = 25;
/** Diff attachments on the final report when the context cannot post per-service messages. */
const MAX_REPORT_DIFFS = 8;

const diffAttachment = (result: AuditResult, key: string): Attachment[] => {
  const side = result.sides.find((s) => serviceKey(s) === key);
  const diff = side === undefined ? '' : renderServiceDiff(side);
  return side === undefined || diff === ''
    ? []
    : [{ filename: diffFileName(side), content: diff, contentType: 'text/x-diff' }];
};

/** The "Open PR" button of a service whose drift can (at least partly) be written back to git. */
async function openPrButton(items: readonly DriftItem[], ctx: ProcessorContext): Promise<ActionButton[]> {
  const first = items[0];
  // Helm values and pinned chart versions of a cluster are written back by `backportClusterDrift`.
  const clusterFixable = items.some(
    (i) => /^values[.[]|^chart\.version$/.test(i.path) && i.expected?.startsWith(MASK) !== true,
  );
  if (first?.service == null || (!clusterFixable && !planEdits(items).some((p) => 'edit' in p))) return [];
  return [
    await ctx.createButton(
      driftOpenPr,
      { host: first.host, stack: first.stack, service: first.service },
      'Open PR',
      'primary',
    ),
  ];
}

/** Discord allows 5 buttons per row; more unmanaged containers are adopted with `/drift adopt`. */
const MAX_ADOPT_BUTTONS = 5;

/**
 * One "Adopt" button per unmanaged container: into the stack whose project it claims, else a new
 * stack named after it (`/drift adopt <container> <stack>` picks any other stack).
 */
async function adoptButtons(
  items: readonly DriftItem[],
  observed: AuditResult['observed'],
  ctx: ProcessorContext,
): Promise<ActionButton[]> {
  const unmanaged = items.filter((i) => i.kind === 'unmanaged-container').slice(0, MAX_ADOPT_BUTTONS);
  const buttons: ActionButton[] = [];
  for (const i of unmanaged) {
    const container = unmanagedContainerOf(i, observed)?.name ?? i.service ?? '';
    if (container === '') continue;
    const stack = i.stack === '' ? serviceKeyOf(container) : i.stack;
    buttons.push(
      await ctx.createButton(
        driftAdoptButton,
        { host: i.host, container, stack },
        `Adopt ${container} into ${stack}`.slice(0, 80),
        'secondary',
      ),
    );
  }
  return buttons;
}

/** Posts one thread message per drifted service (with its diff); returns whether it could. */
async function postServices(result: AuditResult, ctx: ProcessorContext, withButtons: boolean): Promise<boolean> {
  if (ctx.post === undefined) return false;
  for (const [key, items] of groupByService(result.report.items).slice(0, MAX_SERVICE_MESSAGES)) {
    const buttons = withButtons
      ? [...(await openPrButton(items, ctx)), ...(await adoptButtons(items, result.observed, ctx))]
      : [];
    await ctx.post({
      text: renderServiceMessage(key, items),
      attachments: diffAttachment(result, key),
      ...(buttons.length > 0 ? { buttons } : {}),
    });
  }
  return true;
}

/**
 * The headline, counting unreachable hosts so a blind audit never reads as clean:
 * `2 of 2 hosts unreachable: nothing audited.`, `1 of 2 hosts unreachable; 3 difference(s) found on the other.`
 */
export function auditHeadline(report: AuditResult['report']): string {
  const total = report.hosts.length;
  const down = report.hosts.filter((h) => !h.reachable).length;
  const found = `${report.items.length} difference(s) found`;
  if (total === 0) return `No hosts configured: nothing audited${report.items.length > 0 ? `; ${found} in git` : ''}.`;
  if (down === total) return `${down} of ${total} hosts unreachable: nothing audited.`;
  if (down > 0) return `${down} of ${total} hosts unreachable; ${found} on the ${total - down} audited.`;
  return report.items.length === 0 ? 'No drift: every audited service matches git.' : `${found}.`;
}

/** The final report: executive summary plus the Markdown and JSON reports (and diffs when not posted). */
export function auditReport(result: AuditResult, posted: boolean): Report {
  const { report } = result;
  const nothing = !report.hosts.some((h) => h.reachable);
  const diffs = posted
    ? []
    : result.sides
        .map((s) => serviceKey(s))
        .flatMap((k) => diffAttachment(result, k))
        .slice(0, MAX_REPORT_DIFFS);
  return {
    title: 'Drift audit',
    status: nothing ? 'failed' : report.items.length > 0 || report.hosts.some((h) => !h.reachable) ? 'warning' : 'ok',
    summary: auditHeadline(report),
    lines: renderAuditSummary(report),
    attachments: [
      { filename: 'drift-report.md', content: renderAuditMarkdown(result), contentType: 'text/markdown' },
      { filename: 'drift-report.json', content: renderAuditJson(report), contentType: 'application/json' },
      ...diffs,
    ],
  };
}

/** `drift.audit`: runs the audit, posts per-service messages into the thread, returns the summary report. */
export function driftAuditProcessor(deps: DriftAuditJobDeps): Processor<'drift.audit'> {
  return async (payload, ctx) => {
    await ctx.progress('🔄 Auditing hosts against git…');
    const { host, stack } = payload.options;
    const result = await deps.audit({ host, stack });
    return auditReport(result, await postServices(result, ctx, deps.openPrButtons === true));
  };
}
