import type { DriftItem } from '../drift-item.js';
import { renderItemLine, severityIcon } from '../render-audit.js';
import { isSecretValue } from '../../secrets/classify-secret.js';
import type { BackportChange } from './backport-service.js';
import type { RetemplateNote } from './value-writer.js';

/** What the pull request body describes. */
export interface PrBodyInput {
  readonly host: string;
  readonly stack: string;
  readonly service: string;
  readonly changes: readonly BackportChange[];
  readonly skipped: readonly { readonly item: DriftItem; readonly reason: string }[];
  readonly envSampleVars: readonly string[];
  readonly auditedCommit: string;
  readonly auditedAt: string;
  /** Every item of the service from the audit (masked), the "report". */
  readonly report: readonly DriftItem[];
  readonly requestedBy: string;
  /** Values written with the repo's variables kept. */
  readonly retemplated?: readonly RetemplateNote[];
}

const shownValue = (name: string, value: string): string => (isSecretValue({ name, values: [value] }) ? '••••' : value);

/** One line per re-templated value: what runs, what git now says, and which host variable explains it. */
export function retemplateLines(notes: readonly RetemplateNote[]): string[] {
  return notes.map((n) => {
    if (n.replacedVar !== undefined) {
      return `- ${code(n.literal)} is written as a literal where git had \`\${${n.replacedVar}}\`: the host's \`.env\` renders \`${n.replacedVar}\` otherwise. To keep the variable, set \`${n.replacedVar}\` in the host's \`.env\` to the running value instead and close this PR.`;
    }
    const because = n.used.map((u) => `\`${u.name}=${shownValue(u.name, u.value)}\``).join(', ');
    return `- ${code(n.literal)} → ${code(n.text)}, because the host's \`.env\` sets ${because}`;
  });
}

const code = (v: string | null): string => (v === null ? '∅' : `\`${v.replace(/`/g, "'")}\``);

/** `fix(<stack>): sync <service> with running state`. */
export const commitTitle = (stack: string, service: string): string =>
  `fix(${stack}): sync ${service} with running state`;

/**
 * The PR body (FR-2.2): each change with old → new (masked for secrets: values come from the
 * masked audit), severity and why; what was left out and why; the audited commit and the report.
 */
export function renderPrBody(input: PrBodyInput): string {
  const out = [
    `Makes git describe what runs: **${input.host}/${input.stack}/${input.service}** (drift audit of ${input.auditedAt}, commit \`${input.auditedCommit}\`, requested by ${input.requestedBy}).`,
    '',
    '## Changes',
    '',
    '| Field | File | Old → New | Severity | Why |',
    '|---|---|---|---|---|',
    ...input.changes.map(
      (c) =>
        `| \`${c.path}\` | ${c.file} | ${code(c.from)} → ${code(c.to)} | ${severityIcon[c.severity]} ${c.severity} | ${c.why} |`,
    ),
    '',
  ];
  if ((input.retemplated ?? []).length > 0) {
    out.push(
      '## Variables kept',
      '',
      "Values are written with the repo's own variables wherever the host's values reappear in them:",
      '',
      ...retemplateLines(input.retemplated ?? []),
      '',
    );
  }
  if (input.envSampleVars.length > 0) {
    out.push(
      'Secret values are never written to git: they are `${VAR}` references. Set these in the host `.env` (placeholders added to `.env.sample`):',
      '',
      ...input.envSampleVars.map((v) => `- \`${v}\``),
      '',
    );
  }
  if (input.skipped.length > 0) {
    out.push('## Not changed', '', ...input.skipped.map((s) => `- \`${s.item.path}\`: ${s.reason}`), '');
  }
  out.push(
    '## Audit report',
    '',
    `Audited commit: \`${input.auditedCommit}\``,
    '',
    ...input.report.map((i) => `- ${renderItemLine(i)}`),
    '',
    '_Opened by homelab-bot (label `drift-remediation`)._',
    '',
  );
  return out.join('\n');
}
