import { describe, expect, it } from 'vitest';
import type { AuditResult } from './audit-report.js';
import type { DriftItem } from './drift-item.js';
import {
  renderAuditJson,
  renderAuditMarkdown,
  renderAuditSummary,
  renderServiceDiff,
  renderServiceMessage,
} from './render-audit.js';

const item = (over: Partial<DriftItem>): DriftItem => ({
  host: 'h1',
  stack: 'web',
  service: 'nginx',
  kind: 'changed',
  path: 'environment.TZ',
  severity: 'functional',
  expected: 'Europe/Berlin',
  actual: 'UTC',
  ...over,
});

const result: AuditResult = {
  report: {
    generatedAt: '2026-01-02T03:04:05.000Z',
    commit: 'a'.repeat(40),
    durationMs: 2345,
    servicesAudited: 7,
    warnings: [],
    hosts: [
      { name: 'h1', reachable: true },
      { name: 'h2', reachable: false, code: 'host-unreachable', error: 'h2 (127.0.0.1:1): connection refused' },
    ],
    items: [
      item({}),
      item({ path: 'environment.API_TOKEN', expected: '••••', actual: '•••• (changed)' }),
      item({
        service: null,
        stack: 'old',
        host: '',
        kind: 'stale-stack',
        path: 'stacks/old',
        severity: 'cosmetic',
        expected: null,
        actual: null,
      }),
    ],
  },
  sides: [
    {
      host: 'h1',
      stack: 'web',
      service: 'nginx',
      expected: {
        'image.tag': '1.25',
        'environment.TZ': 'Europe/Berlin',
        'environment.API_TOKEN': '••••',
        restart: 'always',
      },
      actual: {
        'image.tag': '1.25',
        'environment.TZ': 'UTC',
        'environment.API_TOKEN': '•••• (changed)',
        restart: 'always',
      },
    },
  ],
};

describe('renderAudit*', () => {
  it('summarises hosts, services, severities, commit and duration', () => {
    expect(renderAuditSummary(result.report)).toEqual([
      'Hosts: 1/2 audited',
      '⛔ h2: h2 (127.0.0.1:1): connection refused',
      'Services: 7 audited, 1 drifted',
      'Differences: 3 (🟠 2 functional · 🔵 1 cosmetic)',
      'Commit: aaaaaaaaaaaa · 2.3 s',
    ]);
  });

  it('renders a service message with one line per item', () => {
    const text = renderServiceMessage('h1/web/nginx', [item({})]);
    expect(text).toBe('**h1/web/nginx** — 🟠 1 functional\n🟠 changed `environment.TZ`: `Europe/Berlin` → `UTC`');
  });

  it('renders the service diff as YAML of both sides, masked values only', () => {
    const diff = renderServiceDiff(result.sides[0]!);
    expect(diff).toContain('--- git/h1/web/nginx\n+++ running/h1/web/nginx');
    expect(diff).toContain('-    TZ: Europe/Berlin\n');
    expect(diff).toContain('+    TZ: UTC\n');
    expect(diff).toContain('+    API_TOKEN: •••• (changed)');
    expect(diff).not.toContain('-  restart');
  });

  it('puts the issue fields first in the JSON and the diffs in the Markdown', () => {
    const json = JSON.parse(renderAuditJson(result.report)) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 4)).toEqual(['generatedAt', 'commit', 'hosts', 'items']);
    const md = renderAuditMarkdown(result);
    expect(md).toContain('## h1/web/nginx');
    expect(md).toContain('## old');
    expect(md).toContain('```diff');
  });
});

describe('container-level items in the Markdown report', () => {
  it('show the image instead of an empty path, and a diff like other items', () => {
    const stray = item({
      host: 'h1',
      stack: '',
      service: 'stray',
      kind: 'unmanaged-container',
      path: '',
      expected: null,
      actual: 'running',
    });
    const gone = item({
      stack: 'media',
      service: 'plex',
      kind: 'missing-container',
      path: '',
      expected: 'running',
      actual: null,
    });
    const md = renderAuditMarkdown({
      report: { ...result.report, items: [stray, gone] },
      sides: [
        {
          host: 'h1',
          stack: '',
          service: 'stray',
          expected: null,
          actual: { 'image.repo': 'docker.io/library/busybox', 'image.tag': '1.36.1', state: 'running' },
        },
        {
          host: 'h1',
          stack: 'media',
          service: 'plex',
          expected: { 'image.repo': 'docker.io/plexinc/pms-docker', 'image.tag': '1.40.4', state: 'running' },
          actual: null,
        },
      ],
    });
    expect(md).toContain('- 🟠 unmanaged-container container `busybox:1.36.1`: ∅ → `running`');
    expect(md).toContain('- 🟠 missing-container container `plexinc/pms-docker:1.40.4`: `running` → ∅');
    expect(md).toContain('### Diff h1//stray');
    expect(md).toContain('+    repo: docker.io/library/busybox');
    expect(md).toContain('### Diff h1/media/plex');
    expect(md).not.toMatch(/ ``: /);
  });
});
