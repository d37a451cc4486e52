import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log.js';
import { defineCheck, failed, passed, type Check } from './check.js';
import { healthReport } from './render-health.js';
import { runChecks, worstStatus } from './run-checks.js';

const log = silentLogger();

const okCheck = (id: string): Check =>
  defineCheck({ id, service: 'radarr', title: `ok ${id}`, run: () => Promise.resolve(passed('v1')) });

describe('runChecks', () => {
  it('turns a hung check into an error naming the timeout and aborts its signal', async () => {
    let seen: AbortSignal | undefined;
    const hung = defineCheck({
      id: 'plex.api',
      service: 'plex',
      title: 'Plex reachable',
      run: (_ctx, signal) => {
        seen = signal;
        return new Promise(() => {
          /* never settles */
        });
      },
    });
    const run = await runChecks([hung, okCheck('radarr.api')], { timeoutMs: 50, log });
    const plex = run.outcomes.find((o) => o.id === 'plex.api');
    expect(plex?.status).toBe('error');
    expect(plex?.findings[0]?.summary).toContain('no answer within 50 ms');
    expect(seen?.aborted).toBe(true);
    expect(run.outcomes.find((o) => o.id === 'radarr.api')?.status).toBe('ok');
  });

  it('turns a thrown error into an error outcome carrying its message', async () => {
    const boom = defineCheck({
      id: 'x.y',
      service: 'sonarr',
      title: 'Sonarr thing',
      run: () => Promise.reject(new Error('parse failed at line 3')),
    });
    const run = await runChecks([boom], { timeoutMs: 1000, log });
    expect(run.outcomes[0]).toMatchObject({ status: 'error', id: 'x.y', service: 'sonarr' });
    expect(run.outcomes[0]?.findings[0]?.summary).toContain('parse failed at line 3');
  });

  it('runs checks concurrently: each starts before any finishes', async () => {
    const started: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const waiting = (id: string): Check =>
      defineCheck({
        id,
        service: 'prowlarr',
        title: id,
        run: async () => {
          started.push(id);
          if (started.length === 3) release();
          await gate;
          return passed();
        },
      });
    const run = await runChecks([waiting('a'), waiting('b'), waiting('c')], { timeoutMs: 5000, log });
    expect(run.outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok']);
  });
});

describe('healthReport', () => {
  it('lists failing services first with the suggestion inline and attaches the full report', async () => {
    const bad = defineCheck({
      id: 'qbittorrent.api',
      service: 'qbittorrent',
      title: 'qBittorrent login',
      run: () =>
        Promise.resolve(
          failed({ summary: 'login refused', diagnosis: 'credentials rejected', suggestion: 'fix the password' }),
        ),
    });
    const run = await runChecks([okCheck('radarr.api'), bad], { timeoutMs: 1000, log });
    const report = healthReport(run);
    expect(report.status).toBe('failed');
    expect(worstStatus(run.outcomes)).toBe('fail');
    expect(report.lines?.[0]).toBe('**qBittorrent**');
    expect(report.lines?.[1]).toContain('❌ qBittorrent login');
    expect(report.lines?.[2]).toContain('login refused → fix the password');
    expect(report.attachments?.map((a) => a.filename)).toEqual(['health-report.md', 'health-report.json']);
    expect(String(report.attachments?.[0]?.content)).toContain('Diagnosis: credentials rejected');
  });

  it('says when nothing is configured', () => {
    const report = healthReport({ startedAt: 'a', finishedAt: 'b', timeoutMs: 1, outcomes: [] });
    expect(report.summary).toContain('No media services are configured');
    expect(report.status).toBe('ok');
  });
});
