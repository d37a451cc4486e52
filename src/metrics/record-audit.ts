import type { AuditOptions, AuditResult } from '../drift/audit-report.js';
import type { Metrics } from './metrics.js';

/** Sets the drift gauge after a full audit; filtered audits (one host or stack) leave it alone. */
export const recordAudit =
  (metrics: Pick<Metrics, 'setDriftItems'>) =>
  (result: AuditResult, options: AuditOptions): void => {
    if (options.host !== undefined || options.stack !== undefined) return;
    metrics.setDriftItems(result.report.items);
  };
