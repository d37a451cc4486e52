import { describe, expect, it } from 'vitest';
import type { HealthRun } from '../../checks/run-checks.js';
import type { RunRecord } from '../../store/run-store.js';
import { mediaStatusFields, recommendations, type MediaStatusFacts } from './status-media.js';

const now = new Date('2026-03-10T12:00:00Z');
const audit = (updatedAt: string, status: RunRecord['status'] = 'succeeded'): RunRecord => ({
  runId: 'a',
  jobId: 'a',
  platform: 'discord',
  channelId: 'c',
  threadId: 't',
  rootMessageId: 'm',
  requester: { platform: 'discord', id: '1', name: 'alice' },
  command: '/drift audit',
  status,
  createdAt: updatedAt,
  updatedAt,
});
const health = (finishedAt: string, status: 'ok' | 'fail'): HealthRun => ({
  startedAt: finishedAt,
  finishedAt,
  timeoutMs: 1000,
  outcomes: [
    {
      id: 'radarr.api',
      service: 'radarr',
      title: 'Radarr',
      status,
      findings: [],
      checkedAt: finishedAt,
      durationMs: 5,
    },
  ],
});
const base: MediaStatusFacts = {
  now,
  services: [{ service: 'radarr', up: true, detail: 'HTTP 200' }],
  health: health('2026-03-10T11:00:00Z', 'ok'),
  lastAudit: audit('2026-03-09T12:00:00Z'),
  prs: { kind: 'no-forge' },
  configured: { audit: true, health: true },
};

describe('status recommendations', () => {
  it('says all good when everything is fresh and green', () => {
    expect(recommendations(base)).toEqual(['All good: nothing to do.']);
  });

  it('recommends an audit when the last one is 9 days old', () => {
    expect(recommendations({ ...base, lastAudit: audit('2026-03-01T11:00:00Z') })).toEqual([
      'Last audit 9 days ago: run /drift audit.',
    ]);
  });

  it('recommends only what the config can run', () => {
    const empty = { now, services: [], prs: { kind: 'no-forge' } } as const;
    expect(recommendations(empty)).toEqual([
      'Nothing to check yet: add `hosts` and `apps` (drift audit) or `media` (health) to the config.',
    ]);
    expect(recommendations({ ...empty, configured: { audit: true, health: false } })).toEqual([
      'No drift audit on record: run /drift audit.',
    ]);
    expect(recommendations({ ...empty, configured: { audit: false, health: true } })).toEqual([
      'No health check on record: run /health.',
    ]);
  });

  it('puts a down service first and counts failed checks and open PRs', () => {
    const recs = recommendations({
      ...base,
      services: [{ service: 'sonarr', up: false, detail: 'refused' }],
      health: health('2026-03-10T11:00:00Z', 'fail'),
      prs: { kind: 'open', prs: [{ number: 7, title: 'fix radarr', url: 'u' }] },
    });
    expect(recs).toEqual([
      'Sonarr is down: run /health for the cause and fix.',
      '1 health check(s) failed last time: run /health after fixing them.',
      '1 remediation PR(s) wait for review.',
    ]);
  });

  it('shows ages, failing check ids and the forge state in the fields', () => {
    const fields = Object.fromEntries(
      mediaStatusFields({ ...base, health: health('2026-03-10T11:00:00Z', 'fail') }).map((f) => [f.name, f.value]),
    );
    expect(fields['Health']).toBe('1 failing 1h 0m ago; failing: radarr.api');
    expect(fields['Drift audit']).toBe('succeeded 1d 0h ago (by alice)');
    expect(fields['Pipeline e2e']).toBe('not run yet');
    expect(fields['Remediation PRs']).toBe('no forge configured');
    expect(fields['Services']).toBe('🟢 Radarr');
  });
});
