import { DRIFT_FIELDS, ITEM_KINDS, type DriftField, type FieldSeverity } from './drift-fields.js';

/** Markers around the generated table in `SEVERITY.md`. */
export const TABLE_START = '<!-- drift-fields:start (generated from drift-fields.ts; do not edit by hand) -->';
export const TABLE_END = '<!-- drift-fields:end -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function severityText(rows: readonly FieldSeverity[]): string {
  return rows
    .map((r, i) => {
      const cond = [r.kinds?.join(', '), r.shownWhen].filter((c) => c !== undefined).join(' ');
      const prefix = cond === '' ? (i === 0 ? '' : 'otherwise ') : `${cond}: `;
      return `${prefix}**${r.severity}** (${r.why})`;
    })
    .join('; ');
}

const writeText = (f: DriftField): string =>
  f.writeBack.kind === 'manual' ? `no: ${f.writeBack.why}` : `${f.writeBack.kind}: ${f.writeBack.how}`;

/** The field table of `SEVERITY.md`, rendered from `DRIFT_FIELDS` and `ITEM_KINDS`. */
export function severityTable(): string {
  const rows = [
    '| Path or item kind | Compose | Inspect | Severity | Remediation writes it |',
    '|---|---|---|---|---|',
    ...ITEM_KINDS.map(
      (k) => `| ${cell(k.shown)} | — | — | **${k.severity}** (${cell(k.why)}) | no: ${cell(k.writeBack)} |`,
    ),
    ...DRIFT_FIELDS.map(
      (f) =>
        `| ${cell(f.shown)} | ${cell(f.compose)} | ${cell(f.inspect)} | ${cell(severityText(f.severity))} | ${cell(writeText(f))} |`,
    ),
  ];
  return [TABLE_START, ...rows, TABLE_END].join('\n');
}

/** `doc` with its generated table replaced by the current one. */
export function withSeverityTable(doc: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start === -1 || end === -1) return doc;
  return `${doc.slice(0, start)}${severityTable()}${doc.slice(end + TABLE_END.length)}`;
}
