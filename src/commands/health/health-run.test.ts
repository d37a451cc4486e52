import { describe, expect, it } from 'vitest';
import type { HealthRun } from '../../checks/run-checks.js';
import { silentLogger } from '../../log.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import { healthRunProcessor } from './health-run.js';

const fix = {
  stack: 'media-downloads',
  service: 'qbittorrent',
  field: 'network_mode',
  value: 'service:gluetun',
  reason: 'kill switch',
};
const run: HealthRun = {
  startedAt: 'a',
  finishedAt: 'b',
  timeoutMs: 1000,
  outcomes: [
    {
      id: 'qbittorrent.vpn-network',
      service: 'qbittorrent',
      title: 'qBittorrent only talks through Gluetun',
      status: 'fail',
      checkedAt: 'b',
      durationMs: 3,
      findings: [{ summary: 'uses bridge', diagnosis: 'leak', suggestion: 'set network_mode', fix }],
    },
  ],
};

function context(buttons: unknown[], saved: HealthRun[]): ProcessorContext {
  return {
    log: silentLogger(),
    attempt: 1,
    run: {
      runId: 'r',
      jobId: 'j',
      platform: 'shell',
      channelId: 'c',
      threadId: 't',
      rootMessageId: 'm',
      requester: { platform: 'shell', id: 'op' },
      command: '/health',
      status: 'running',
      createdAt: 'a',
      updatedAt: 'a',
    },
    createButton: (definition, payload, label, style = 'primary') => {
      buttons.push({ kind: definition.kind, payload, label });
      return Promise.resolve({ id: `act:${buttons.length}`, label, style });
    },
    progress: () => Promise.resolve(),
    system: {
      version: 't',
      startedAt: new Date(0),
      uptimeMs: () => 0,
      recentRuns: () => Promise.resolve([]),
      queueCounts: () => Promise.resolve({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 }),
      health: {
        save: (r) => {
          saved.push(r);
          return Promise.resolve();
        },
        last: () => Promise.resolve(undefined),
      },
    },
  };
}
const payload = { runId: 'r', requester: { platform: 'shell' as const, id: 'op' }, options: {} };

describe('health.run processor', () => {
  it('caches the run and offers an Open fix PR button per proposed fix when a forge is configured', async () => {
    const buttons: unknown[] = [];
    const saved: HealthRun[] = [];
    const report = await healthRunProcessor({ run: () => Promise.resolve(run), canOpenFixes: true })(
      payload,
      context(buttons, saved),
    );
    expect(saved).toEqual([run]);
    expect(buttons).toEqual([
      { kind: 'health.open-fix', payload: fix, label: 'Open fix PR: qbittorrent network_mode' },
    ]);
    expect(report.actions?.map((a) => a.label)).toEqual(['Open fix PR: qbittorrent network_mode']);
    expect(report.status).toBe('failed');
  });

  it('offers no button without a forge', async () => {
    const buttons: unknown[] = [];
    const report = await healthRunProcessor({ run: () => Promise.resolve(run) })(payload, context(buttons, []));
    expect(buttons).toEqual([]);
    expect(report.actions).toBeUndefined();
  });
});
