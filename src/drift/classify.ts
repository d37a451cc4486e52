import { DRIFT_FIELDS, ITEM_KINDS } from './drift-fields.js';
import type { DriftKind, Severity } from './drift-item.js';

/** One row of the severity table: the first row whose path pattern and kinds match wins. */
export interface SeverityRule {
  readonly path: RegExp;
  readonly kinds?: readonly DriftKind[];
  readonly severity: Severity;
  readonly why: string;
}

/** The severity table as data (design §5), derived from the one field table (`drift-fields.ts`). */
export const SEVERITY_RULES: readonly SeverityRule[] = [
  ...ITEM_KINDS.map((k) => ({ path: /.*/, kinds: k.kinds, severity: k.severity, why: k.why })),
  // Helm releases (Kubernetes): not compose fields, so not in DRIFT_FIELDS; see SEVERITY.md.
  { path: /^chart\.version$/, severity: 'functional', why: 'other version of the same chart' },
  { path: /^chart\.name$/, severity: 'breaking', why: 'different software' },
  ...DRIFT_FIELDS.flatMap((f) =>
    f.severity.map((r) => ({
      path: r.when ?? f.path,
      ...(r.kinds === undefined ? {} : { kinds: r.kinds }),
      severity: r.severity,
      why: r.why,
    })),
  ),
];

/** Severity of one difference; anything not in the table is functional. */
export function classify(path: string, kind: DriftKind, rules: readonly SeverityRule[] = SEVERITY_RULES): Severity {
  const rule = rules.find((r) => r.path.test(path) && (r.kinds === undefined || r.kinds.includes(kind)));
  return rule?.severity ?? 'functional';
}
