import { describe, expect, it } from 'vitest';
import type { DriftItem } from '../drift-item.js';
import { commitTitle, renderPrBody } from './pr-body.js';

const item = (path: string, expected: string | null, actual: string | null): DriftItem => ({
  host: 'ct-docker-01',
  stack: 'observability',
  service: 'grafana',
  kind: expected === null ? 'added' : 'changed',
  path,
  severity: 'functional',
  expected,
  actual,
});

describe('renderPrBody', () => {
  const body = renderPrBody({
    host: 'ct-docker-01',
    stack: 'observability',
    service: 'grafana',
    auditedCommit: 'a'.repeat(40),
    auditedAt: '2026-11-25T19:00:00.000Z',
    requestedBy: 'alice',
    changes: [
      {
        path: 'environment.TZ',
        file: 'docker-compose.yml',
        from: 'Europe/Berlin',
        to: 'UTC',
        severity: 'functional',
        why: 'behaves differently',
      },
      {
        path: 'environment.SMTP_PASSWORD',
        file: 'docker-compose.yml',
        from: null,
        to: '••••',
        severity: 'functional',
        why: 'behaves differently',
      },
    ],
    skipped: [{ item: item('state', 'running', 'exited'), reason: 'changed cannot be fixed in the compose file' }],
    envSampleVars: ['SMTP_PASSWORD'],
    report: [item('environment.TZ', 'Europe/Berlin', 'UTC'), item('environment.SMTP_PASSWORD', null, '••••')],
  });

  it('lists each change with old → new, severity and why, and the audited commit', () => {
    expect(body).toContain(
      '| `environment.TZ` | docker-compose.yml | `Europe/Berlin` → `UTC` | 🟠 functional | behaves differently |',
    );
    expect(body).toContain(`Audited commit: \`${'a'.repeat(40)}\``);
    expect(body).toContain('- `state`: changed cannot be fixed in the compose file');
  });

  it('shows secrets only masked and names the variable to set', () => {
    expect(body).toContain('| `environment.SMTP_PASSWORD` | docker-compose.yml | ∅ → `••••` |');
    expect(body).toContain('- `SMTP_PASSWORD`');
  });

  it('titles the commit conventionally', () => {
    expect(commitTitle('observability', 'grafana')).toBe('fix(observability): sync grafana with running state');
  });
});
