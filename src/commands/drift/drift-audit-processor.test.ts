import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../chat/chat-port.js';
import type { AuditResult } from '../../drift/audit-report.js';
import { silentLogger } from '../../log.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import { auditHeadline, auditReport, driftAuditProcessor } from './drift-audit-processor.js';

const result: AuditResult = {
  report: {
    generatedAt: '2026-01-01T00:00:00.000Z',
    commit: 'b'.repeat(40),
    durationMs: 10,
    servicesAudited: 3,
    warnings: [],
    hosts: [{ name: 'h1', reachable: true }],
    items: [
      {
        host: 'h1',
        stack: 'web',
        service: 'nginx',
        kind: 'changed',
        path: 'restart',
        severity: 'functional',
        expected: 'always',
        actual: 'no',
      },
      {
        host: 'h1',
        stack: 'db',
        service: 'pg',
        kind: 'missing-container',
        path: 'pg',
        severity: 'breaking',
        expected: 'running',
        actual: null,
      },
    ],
  },
  sides: [
    { host: 'h1', stack: 'web', service: 'nginx', expected: { restart: 'always' }, actual: { restart: 'no' } },
    { host: 'h1', stack: 'db', service: 'pg', expected: { restart: 'always' }, actual: null },
  ],
};

function context(posted: OutgoingMessage[] | null): ProcessorContext {
  return {
    log: silentLogger(),
    run: {} as ProcessorContext['run'],
    attempt: 1,
    createButton: () => Promise.reject(new Error('no buttons here')),
    progress: () => Promise.resolve(),
    system: {} as ProcessorContext['system'],
    ...(posted === null
      ? {}
      : {
          post: (m: OutgoingMessage) => {
            posted.push(m);
            return Promise.resolve({ platform: 'shell' as const, channelId: 'c', messageId: String(posted.length) });
          },
        }),
  };
}

const payload = { runId: 'r1', requester: { platform: 'shell' as const, id: 'u' }, options: { host: 'h1' } };

describe('driftAuditProcessor', () => {
  it('posts one message per drifted service with its diff, and returns the summary with md + json', async () => {
    const seen: unknown[] = [];
    const posted: OutgoingMessage[] = [];
    const processor = driftAuditProcessor({
      audit: (o) => {
        seen.push(o);
        return Promise.resolve(result);
      },
    });
    const report = await processor(payload, context(posted));
    expect(seen).toEqual([{ host: 'h1', stack: undefined }]);
    expect(posted.map((m) => m.text.split('\n')[0])).toEqual([
      '**h1/web/nginx** — 🟠 1 functional',
      '**h1/db/pg** — 🔴 1 breaking',
    ]);
    expect(posted.map((m) => m.attachments?.map((a) => a.filename))).toEqual([
      ['h1_web_nginx.diff'],
      ['h1_db_pg.diff'],
    ]);
    expect(report.status).toBe('warning');
    expect(report.attachments?.map((a) => a.filename)).toEqual(['drift-report.md', 'drift-report.json']);
    expect(report.lines).toContain('Services: 3 audited, 2 drifted');
  });

  it('attaches the diffs to the report when the context cannot post', async () => {
    const report = await driftAuditProcessor({ audit: () => Promise.resolve(result) })(payload, context(null));
    expect(report.attachments?.map((a) => a.filename)).toEqual([
      'drift-report.md',
      'drift-report.json',
      'h1_web_nginx.diff',
      'h1_db_pg.diff',
    ]);
  });

  it('fails the report when no host could be audited', async () => {
    const down: AuditResult = {
      report: {
        ...result.report,
        items: [],
        hosts: [{ name: 'h1', reachable: false, error: 'h1: connection refused' }],
      },
      sides: [],
    };
    const report = await driftAuditProcessor({ audit: () => Promise.resolve(down) })(payload, context([]));
    expect(report.status).toBe('failed');
    expect(report.lines).toContain('⛔ h1: h1: connection refused');
  });

  it('headlines count unreachable hosts: all down, some down, none down', () => {
    const down = (name: string) => ({ name, reachable: false, error: 'connection refused' });
    const up = (name: string) => ({ name, reachable: true });
    const nothing = auditReport(
      { report: { ...result.report, items: [], hosts: [down('a'), down('b')] }, sides: [] },
      true,
    );
    expect(nothing.summary).toBe('2 of 2 hosts unreachable: nothing audited.');
    expect(nothing.status).toBe('failed');
    const partial = auditReport({ report: { ...result.report, hosts: [up('a'), down('b')] }, sides: [] }, true);
    expect(partial.summary).toBe('1 of 2 hosts unreachable; 2 difference(s) found on the 1 audited.');
    expect(partial.status).toBe('warning');
    const clean = auditReport({ report: { ...result.report, items: [], hosts: [up('a')] }, sides: [] }, true);
    expect(clean.summary).toBe('No drift: every audited service matches git.');
    expect(auditHeadline({ ...result.report, hosts: [] })).toBe(
      'No hosts configured: nothing audited; 2 difference(s) found in git.',
    );
  });
});
