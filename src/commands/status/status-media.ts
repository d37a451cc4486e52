import { serviceTitle } from '../../checks/render-health.js';
import type { ServicePing } from '../../checks/ping-services.js';
import { countText } from '../../checks/render-health.js';
import type { HealthRun } from '../../checks/run-checks.js';
import type { RunRecord } from '../../store/run-store.js';
import { formatUptime } from './format-uptime.js';

/** Open remediation PRs, or why they are not listed. */
export type PrFacts =
  | { readonly kind: 'no-forge' }
  | {
      readonly kind: 'open';
      readonly prs: readonly { readonly number: number; readonly title: string; readonly url: string }[];
    }
  | { readonly kind: 'error'; readonly message: string };

/** The media/pipeline half of `/status`, all read from caches and quick pings. */
export interface MediaStatusFacts {
  readonly now: Date;
  readonly services: readonly ServicePing[];
  readonly health?: HealthRun | undefined;
  readonly lastAudit?: RunRecord | undefined;
  readonly lastE2e?: RunRecord | undefined;
  readonly prs: PrFacts;
  /**
   * Which commands this config can run; only those are recommended. Undefined: nothing is configured
   * (no `apps`/`clusters` for `/drift audit`, no `media`/`clusters` for `/health`).
   */
  readonly configured?: { readonly audit: boolean; readonly health: boolean } | undefined;
}

const dayMs = 86_400_000;
const ageMs = (now: Date, iso: string): number => now.getTime() - Date.parse(iso);
const ago = (now: Date, iso: string): string => `${formatUptime(ageMs(now, iso)).split(' ').slice(0, 2).join(' ')} ago`;
const days = (ms: number): string => `${Math.floor(ms / dayMs)} day${Math.floor(ms / dayMs) === 1 ? '' : 's'}`;

const runText = (now: Date, run: RunRecord | undefined): string =>
  run === undefined
    ? 'not run yet'
    : `${run.status === 'succeeded' ? 'succeeded' : run.status} ${ago(now, run.updatedAt)} (by ${run.requester.name ?? run.requester.id})`;

function healthText(f: MediaStatusFacts): string {
  if (f.health === undefined) return 'not run yet';
  const failing = f.health.outcomes.filter((o) => o.status === 'fail' || o.status === 'error');
  const names = failing
    .slice(0, 5)
    .map((o) => o.id)
    .join(', ');
  return `${countText(f.health.outcomes)} ${ago(f.now, f.health.finishedAt)}${failing.length === 0 ? '' : `; failing: ${names}`}`;
}

function prText(prs: PrFacts): string {
  if (prs.kind === 'no-forge') return 'no forge configured';
  if (prs.kind === 'error') return `could not list: ${prs.message}`;
  return prs.prs.length === 0 ? 'none open' : prs.prs.map((p) => `#${p.number} ${p.title}`).join('; ');
}

/** What to do next, most urgent first; "All good" when nothing is due. */
export function recommendations(f: MediaStatusFacts): string[] {
  const out: string[] = [];
  const configured = f.configured ?? { audit: false, health: false };
  const down = f.services.filter((s) => !s.up);
  if (down.length > 0)
    out.push(
      `${down.map((s) => serviceTitle[s.service]).join(', ')} ${down.length === 1 ? 'is' : 'are'} down: run /health for the cause and fix.`,
    );
  const failing = f.health?.outcomes.filter((o) => o.status === 'fail' || o.status === 'error').length ?? 0;
  if (!configured.health) {
    if (f.health === undefined && !configured.audit)
      out.push('Nothing to check yet: add `hosts` and `apps` (drift audit) or `media` (health) to the config.');
  } else if (f.health === undefined) out.push('No health check on record: run /health.');
  else if (failing > 0) out.push(`${failing} health check(s) failed last time: run /health after fixing them.`);
  else if (ageMs(f.now, f.health.finishedAt) > dayMs)
    out.push(`Last health check ${days(ageMs(f.now, f.health.finishedAt))} ago: run /health.`);
  if (!configured.audit) {
    // Nothing to recommend: /drift audit cannot run without `apps` (or `clusters`).
  } else if (f.lastAudit === undefined) out.push('No drift audit on record: run /drift audit.');
  else if (f.lastAudit.status === 'failed') out.push('The last drift audit failed: run /drift audit.');
  else if (f.lastAudit.status === 'refused')
    out.push(`The last drift audit was refused: ${f.lastAudit.error ?? 'see its thread'}`);
  else if (ageMs(f.now, f.lastAudit.updatedAt) > 7 * dayMs)
    out.push(`Last audit ${days(ageMs(f.now, f.lastAudit.updatedAt))} ago: run /drift audit.`);
  if (f.prs.kind === 'open' && f.prs.prs.length > 0) out.push(`${f.prs.prs.length} remediation PR(s) wait for review.`);
  return out.length === 0 ? ['All good: nothing to do.'] : out;
}

/** Fields for the `/status` report. */
export function mediaStatusFields(f: MediaStatusFacts): { name: string; value: string }[] {
  const services =
    f.services.length === 0
      ? 'no media services configured'
      : f.services
          .map((s) => `${s.up ? '🟢' : '🔴'} ${serviceTitle[s.service]}${s.up ? '' : ` (${s.detail})`}`)
          .join(' · ');
  return [
    { name: 'Services', value: services },
    { name: 'Health', value: healthText(f) },
    { name: 'Drift audit', value: runText(f.now, f.lastAudit) },
    { name: 'Pipeline e2e', value: runText(f.now, f.lastE2e) },
    { name: 'Remediation PRs', value: prText(f.prs) },
    { name: 'Recommendation', value: recommendations(f).join(' ') },
  ];
}
