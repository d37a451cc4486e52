import type { StackLog } from '../../drift/remediate/git-log-by-stack.js';
import { toUserMessage } from '../../errors.js';
import type { Report } from '../../report/report.js';
import type { TrailEntry } from '../../store/audit-trail-store.js';
import type { Processor } from './jobs.js';
import type { RemediationJobDeps } from './remediation-job-deps.js';

const short = (sha: string | undefined): string => (sha === undefined ? '' : sha.slice(0, 12));

/** One trail line: when, what, PR, who (platform), shas, reason. */
export function trailLine(e: TrailEntry): string {
  const shas = [
    e.headSha === undefined ? '' : `head ${short(e.headSha)}`,
    e.mergeSha === undefined ? '' : `merge ${short(e.mergeSha)}`,
    e.revertSha === undefined ? '' : `revert ${short(e.revertSha)}`,
  ]
    .filter((s) => s !== '')
    .join(', ');
  const reason = e.reason === undefined ? '' : ` — ${e.reason.split('\n')[0] ?? ''}`;
  if (e.stack === 'media') {
    const what = e.event.startsWith('issue-') ? 'issue ' : e.event.startsWith('request-') ? 'request ' : '';
    return `${e.at.slice(0, 16).replace('T', ' ')} ${e.event} ${what}#${e.pr} ${e.service} by ${e.who.name ?? e.who.id} (${e.who.platform})${reason}`;
  }
  return `${e.at.slice(0, 16).replace('T', ' ')} ${e.event} PR #${e.pr} ${e.stack}/${e.service} by ${e.who.name ?? e.who.id} (${e.who.platform})${shas === '' ? '' : ` [${shas}]`}${reason}`;
}

/** `/audit-trail [days]`: the remediation events and the apps repo's commits per stack. */
export const auditTrailProcessor =
  (deps: RemediationJobDeps): Processor<'audit.trail'> =>
  async (payload) => {
    const days = payload.options.days;
    const entries = await deps.trail.since(new Date(Date.now() - days * 24 * 3600 * 1000));
    // The trail is in Redis and stays readable when the apps repo cannot be reached.
    const logs = await deps.gitLog(days).then(
      (l): GitLogResult => (l === undefined ? { ok: false, why: 'none' } : { ok: true, l }),
      (error: unknown): GitLogResult => ({ ok: false, why: toUserMessage(error) }),
    );
    return trailReport(days, entries, logs);
  };

/** The apps repo's log, or why there is none (`none`: no apps repository is configured). */
type GitLogResult = { ok: true; l: readonly StackLog[] } | { ok: false; why: string };

const NO_REPO = 'No apps repository is configured, so there is no git log: add an `apps` section (url) to the config.';

function trailReport(days: number, entries: readonly TrailEntry[], result: GitLogResult): Report {
  const logs = result.ok ? result.l : [];
  const gitLines = logs.flatMap((l) => [
    `**${l.stack}**`,
    ...l.commits.map((c) => `  ${c.date.slice(0, 10)} ${c.sha.slice(0, 12)} ${c.subject} (${c.author})`),
  ]);
  const noRepo = !result.ok && result.why === 'none';
  const gitPart = result.ok
    ? gitLines.length === 0
      ? ['No commits.']
      : gitLines
    : [noRepo ? NO_REPO : `Unavailable: ${result.why}`];
  const commits = result.ok
    ? `${logs.reduce((n, l) => n + l.commits.length, 0)} commit(s) in the apps repo`
    : noRepo
      ? 'no apps repository configured'
      : 'the apps repo log is unavailable';
  return {
    title: `Audit trail, last ${days} day(s)`,
    status: result.ok || noRepo ? 'ok' : 'warning',
    summary: `${entries.length} remediation and media event(s); ${commits}.`,
    lines: [
      ...(entries.length === 0 ? ['No remediation events.'] : entries.map(trailLine)),
      '',
      '**Apps repo log by stack**',
      ...gitPart,
    ],
  };
}
