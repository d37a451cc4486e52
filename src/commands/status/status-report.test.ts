import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../store/run-store.js';
import { formatUptime, statusReport } from './status-report.js';

const run = (runId: string, command: string, status: RunRecord['status']): RunRecord => ({
  runId,
  jobId: runId,
  platform: 'discord',
  channelId: 'c',
  threadId: 't',
  rootMessageId: 'm',
  requester: { platform: 'discord', id: '1', name: 'alice' },
  command,
  status,
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
});
const queue = { waiting: 3, active: 1, delayed: 0, failed: 0, completed: 9 };

describe('statusReport', () => {
  it('formats uptime from the largest non-zero unit', () => {
    expect(formatUptime(0)).toBe('0s');
    expect(formatUptime(65_000)).toBe('1m 5s');
    expect(formatUptime(((2 * 24 + 3) * 3600 + 7) * 1000)).toBe('2d 3h 0m 7s');
  });

  it('shows version, uptime, queue depth, recent runs and the not-yet-run placeholders', () => {
    const report = statusReport({
      version: '1.2.3',
      workerUptimeMs: 61_000,
      queue,
      recentRuns: [run('r1', '/ping', 'succeeded')],
      selfRunId: 'self',
    });
    expect(report.status).toBe('ok');
    expect(report.summary).toBe('homelab-bot 1.2.3, worker up 1m 1s.');
    expect(report.fields).toContainEqual({ name: 'Queue', value: 'waiting 3 · active 1 · delayed 0 · failed 0' });
    expect(report.fields).toContainEqual({ name: 'Drift audit', value: 'not run yet' });
    expect(report.fields).toContainEqual({ name: 'Health', value: 'not run yet' });
    expect(report.lines).toEqual(['Recent runs:', '2026-01-02 03:04:05Z  /ping  succeeded  by alice (discord)']);
  });

  it('warns when jobs have failed and leaves its own run out of the list', () => {
    const report = statusReport({
      version: '1',
      workerUptimeMs: 0,
      queue: { ...queue, failed: 2 },
      recentRuns: [run('self', '/status', 'running')],
      selfRunId: 'self',
    });
    expect(report.status).toBe('warning');
    expect(report.lines).toEqual(['Recent runs: none yet']);
  });
});
