import type { Report, ReportStatus } from '../report/report.js';
import { serviceNames, type CheckStatus, type ServiceName } from './check.js';
import { byUrgency, worstStatus, type CheckOutcome, type HealthRun } from './run-checks.js';

export const checkIcon: Readonly<Record<CheckStatus, string>> = {
  ok: '✅',
  warn: '⚠️',
  fail: '❌',
  error: '💥',
  skipped: '➖',
};

export const serviceTitle: Readonly<Record<ServiceName, string>> = {
  overseerr: 'Overseerr',
  jellyseerr: 'Jellyseerr',
  radarr: 'Radarr',
  sonarr: 'Sonarr',
  prowlarr: 'Prowlarr',
  qbittorrent: 'qBittorrent',
  plex: 'Plex',
  jellyfin: 'Jellyfin',
  gluetun: 'Gluetun (VPN)',
  kubernetes: 'Kubernetes clusters',
};

/** Services in display order, those with the worst outcomes first; each group worst check first. */
export function groupByService(outcomes: readonly CheckOutcome[]): [ServiceName, CheckOutcome[]][] {
  const groups = serviceNames
    .map((s): [ServiceName, CheckOutcome[]] => [s, outcomes.filter((o) => o.service === s).sort(byUrgency)])
    .filter(([, list]) => list.length > 0);
  return groups.sort((a, b) => byUrgency({ status: worstStatus(a[1]) }, { status: worstStatus(b[1]) }));
}

const outcomeLines = (o: CheckOutcome): string[] => {
  const head = `${checkIcon[o.status]} ${o.title}${o.note === undefined ? '' : `: ${o.note}`}`;
  return [head, ...o.findings.map((f) => `    ${f.summary} → ${f.suggestion}`)];
};

/** The checklist shown in chat: grouped by service, failing items first, suggestions inline. */
export function renderHealthLines(run: HealthRun): string[] {
  return groupByService(run.outcomes).flatMap(([service, list]) => [
    `**${serviceTitle[service]}**`,
    ...list.flatMap(outcomeLines),
  ]);
}

/** The full report (attachment): every check with diagnosis, suggestion and timing. */
export function renderHealthMarkdown(run: HealthRun): string {
  const parts = [
    `# Media health`,
    '',
    `Run ${run.startedAt} → ${run.finishedAt}, per-check timeout ${run.timeoutMs} ms.`,
    '',
  ];
  for (const [service, list] of groupByService(run.outcomes)) {
    parts.push(`## ${serviceTitle[service]}`, '');
    for (const o of list) {
      parts.push(
        `- ${checkIcon[o.status]} **${o.title}** (\`${o.id}\`, ${o.status}, ${o.durationMs} ms)${o.note === undefined ? '' : `: ${o.note}`}`,
      );
      for (const f of o.findings)
        parts.push(`  - ${f.summary}`, `    - Diagnosis: ${f.diagnosis}`, `    - Fix: ${f.suggestion}`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

/** Counts per status, e.g. `2 failing, 1 warning, 9 ok`. */
export function countText(outcomes: readonly CheckOutcome[]): string {
  const n = (s: CheckStatus[]) => outcomes.filter((o) => s.includes(o.status)).length;
  const parts = [
    [n(['fail', 'error']), 'failing'],
    [n(['warn']), 'warning'],
    [n(['ok']), 'ok'],
    [n(['skipped']), 'skipped'],
  ] as const;
  return (
    parts
      .filter(([c]) => c > 0)
      .map(([c, w]) => `${c} ${w}`)
      .join(', ') || 'no checks'
  );
}

export function toReportStatus(status: CheckStatus): ReportStatus {
  return status === 'fail' || status === 'error' ? 'failed' : status === 'warn' ? 'warning' : 'ok';
}

/** The `/health` report: checklist lines plus the Markdown and JSON reports attached. */
export function healthReport(run: HealthRun): Report {
  const worst = worstStatus(run.outcomes);
  const summary =
    run.outcomes.length === 0
      ? 'No media services are configured (media: in config.yaml), so there is nothing to check.'
      : `${run.outcomes.length} checks: ${countText(run.outcomes)}.`;
  return {
    title: 'Media health',
    status: toReportStatus(worst),
    summary,
    lines: renderHealthLines(run),
    attachments: [
      { filename: 'health-report.md', content: renderHealthMarkdown(run), contentType: 'text/markdown' },
      { filename: 'health-report.json', content: JSON.stringify(run, null, 2), contentType: 'application/json' },
    ],
  };
}
