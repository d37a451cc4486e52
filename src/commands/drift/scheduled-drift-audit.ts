import type { ScheduleConfig } from '../../config/schema.js';
import type { AuditResult } from '../../drift/audit-report.js';
import { serviceKey } from '../../drift/audit-report.js';
import type { DriftItem } from '../../drift/drift-item.js';
import type { Finding, ScheduledTask } from '../../jobs/scheduled-task.js';
import { auditReport } from './drift-audit-processor.js';

const show = (value: string | null): string => (value === null ? '—' : `\`${value}\``);

const itemFinding = (item: DriftItem): Finding => {
  const key = `${serviceKey(item)} ${item.kind} ${item.path}`;
  return {
    key,
    // Another running value or severity under the same path is a change worth telling.
    state: `${item.severity}|${item.actual ?? ''}|${item.expected ?? ''}`,
    text: `${serviceKey(item)} \`${item.path}\` (${item.kind}, ${item.severity}): ${show(item.expected)} → ${show(item.actual)}`,
  };
};

/** Drift items and unreachable hosts of one audit, as findings to diff across runs. */
export function driftFindings(result: AuditResult): Finding[] {
  const hosts = result.report.hosts
    .filter((h) => !h.reachable)
    .map((h) => ({
      key: `host ${h.name}`,
      state: h.code ?? 'unreachable',
      text: `host ${h.name} could not be audited: ${h.error ?? h.code ?? 'unreachable'}`,
    }));
  return [...hosts, ...result.report.items.map(itemFinding)];
}

/** The periodic full drift audit (config `schedules.driftAudit`). */
export function scheduledDriftAudit(audit: () => Promise<AuditResult>, when: ScheduleConfig): ScheduledTask {
  return {
    kind: 'drift-audit',
    title: 'Scheduled drift audit',
    when,
    run: async () => {
      const result = await audit();
      return { report: auditReport(result, false), findings: driftFindings(result) };
    },
  };
}
