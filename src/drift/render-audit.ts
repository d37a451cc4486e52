import { driftedServices, serviceKey, type AuditReport, type AuditResult } from './audit-report.js';
import type { DriftItem, Severity } from './drift-item.js';
import { renderServiceDiff } from './service-diff.js';

export { renderServiceDiff } from './service-diff.js';

/** Icon per severity, worst first. */
export const severityIcon: Readonly<Record<Severity, string>> = {
  breaking: '🔴',
  functional: '🟠',
  cosmetic: '🔵',
  unverifiable: '❔',
};
const SEVERITIES = Object.keys(severityIcon) as Severity[];

const shortSha = (sha: string): string => sha.slice(0, 12);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const shown = (v: string | null): string => (v === null ? '∅' : `\`${v}\``);

/** Differences per severity, e.g. `🔴 2 breaking · 🟠 5 functional`; `none` when clean. */
export function severityCounts(items: readonly DriftItem[]): string {
  const parts = SEVERITIES.map((s) => [s, items.filter((i) => i.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${severityIcon[s]} ${n} ${s}`);
  return parts.length === 0 ? 'none' : parts.join(' · ');
}

/** The executive summary lines (chat message): hosts, services, differences, commit, duration. */
export function renderAuditSummary(report: AuditReport): string[] {
  const reachable = report.hosts.filter((h) => h.reachable).length;
  const down = report.hosts.filter((h) => !h.reachable).map((h) => `${h.name}: ${h.error ?? 'unreachable'}`);
  return [
    `Hosts: ${reachable}/${report.hosts.length} audited`,
    ...down.map((d) => `⛔ ${d}`),
    `Services: ${report.servicesAudited} audited, ${driftedServices(report.items).length} drifted`,
    `Differences: ${report.items.length} (${severityCounts(report.items)})`,
    `Commit: ${shortSha(report.commit)} · ${seconds(report.durationMs)}`,
  ];
}

/**
 * One line of an item: icon, path, expected → actual. A container-level item (empty path) names
 * its image instead when known (`image`, from the service's sides).
 */
export const renderItemLine = (i: DriftItem, image?: string): string => {
  const what = i.path !== '' ? `\`${i.path}\`` : image === undefined ? 'container' : `container \`${image}\``;
  return `${severityIcon[i.severity]} ${i.kind} ${what}: ${shown(i.expected)} → ${shown(i.actual)}`;
};

/** `repo:tag` of a service's side (running first, else git), for container-level items. */
function imageOf(result: AuditResult, i: DriftItem): string | undefined {
  const side = result.sides.find((s) => serviceKey(s) === serviceKey(i));
  const flat = side?.actual ?? side?.expected;
  const repo = flat?.['image.repo'];
  if (repo === undefined) return undefined;
  const tag = flat?.['image.tag'];
  return `${repo.replace(/^docker\.io\/(library\/)?/, '')}${tag === undefined || tag === '' ? '' : `:${tag}`}`;
}

/** Items grouped per drifted service (`host/stack/service`), plus stack-level items (no service) last. */
export function groupByService(items: readonly DriftItem[]): [string, DriftItem[]][] {
  const groups = new Map<string, DriftItem[]>();
  for (const i of items) {
    const key = i.service === null ? `${i.host}/${i.stack}` : serviceKey(i);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups];
}

/** The thread message of one drifted service (or stack); at most `max` item lines (chat length limits). */
export function renderServiceMessage(key: string, items: readonly DriftItem[], max = 20): string {
  const more = items.length - max;
  const tail = more > 0 ? [`…and ${more} more in drift-report.md`] : [];
  return [
    `**${key.replace(/^\//, '')}** — ${severityCounts(items)}`,
    ...items.slice(0, max).map((i) => renderItemLine(i)),
    ...tail,
  ].join('\n');
}

/** The full Markdown report: summary, warnings, every item per service, every diff. */
export function renderAuditMarkdown(result: AuditResult): string {
  const { report } = result;
  const out = [`# Drift audit ${report.generatedAt}`, '', ...renderAuditSummary(report).map((l) => `- ${l}`), ''];
  if (report.warnings.length > 0) out.push('## Warnings', '', ...report.warnings.map((w) => `- ${w}`), '');
  for (const [key, items] of groupByService(report.items))
    out.push(
      `## ${key.replace(/^\//, '')}`,
      '',
      ...items.map((i) => `- ${renderItemLine(i, i.path === '' ? imageOf(result, i) : undefined)}`),
      '',
    );
  for (const side of result.sides) {
    const diff = renderServiceDiff(side);
    if (diff !== '')
      out.push(`### Diff ${side.host}/${side.stack}/${side.service}`, '', '```diff', diff.trimEnd(), '```', '');
  }
  return out.join('\n');
}

/** The JSON report (issue shape first, extras after), pretty-printed. Already masked. */
export function renderAuditJson(report: AuditReport): string {
  const { generatedAt, commit, hosts, items, durationMs, servicesAudited, warnings } = report;
  return `${JSON.stringify({ generatedAt, commit, hosts, items, durationMs, servicesAudited, warnings }, null, 2)}\n`;
}
