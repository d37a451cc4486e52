import type { Report } from '../../report/report.js';
import type { RunRecord } from '../../store/run-store.js';
import type { QueueCounts } from '../../jobs/system-view.js';
export { formatUptime } from './format-uptime.js';
import { formatUptime } from './format-uptime.js';
import { mediaStatusFields, type MediaStatusFacts } from './status-media.js';

/** Everything `/status` shows, already fetched. */
export interface StatusFacts {
  readonly version: string;
  readonly workerUptimeMs: number;
  readonly queue: QueueCounts;
  readonly recentRuns: readonly RunRecord[];
  /** Runs listed before the current `/status` run is left out. */
  readonly selfRunId: string;
  /** Services, cached health, last audit/e2e, PRs and a recommendation; placeholders without it. */
  readonly media?: MediaStatusFacts;
}

const runLine = (r: RunRecord): string =>
  `${r.createdAt.slice(0, 19).replace('T', ' ')}Z  ${r.command}  ${r.status}  by ${r.requester.name ?? r.requester.id} (${r.platform})`;

const needsAttention = (m: MediaStatusFacts | undefined): boolean =>
  m !== undefined &&
  (m.services.some((s) => !s.up) ||
    (m.health?.outcomes.some((o) => o.status === 'fail' || o.status === 'error') ?? false));

/** The `/status` report: the bot itself, plus the media pipeline when its facts were gathered. */
export function statusReport(facts: StatusFacts): Report {
  const { queue } = facts;
  const runs = facts.recentRuns.filter((r) => r.runId !== facts.selfRunId);
  const backlog = queue.failed > 0 || needsAttention(facts.media) ? 'warning' : 'ok';
  return {
    title: 'Bot status',
    status: backlog,
    summary: `homelab-bot ${facts.version}, worker up ${formatUptime(facts.workerUptimeMs)}.`,
    fields: [
      {
        name: 'Queue',
        value: `waiting ${queue.waiting} · active ${queue.active} · delayed ${queue.delayed} · failed ${queue.failed}`,
      },
      ...(facts.media === undefined
        ? [
            { name: 'Drift audit', value: 'not run yet' },
            { name: 'Health', value: 'not run yet' },
          ]
        : mediaStatusFields(facts.media)),
    ],
    lines: runs.length === 0 ? ['Recent runs: none yet'] : ['Recent runs:', ...runs.map(runLine)],
  };
}
