import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../chat/chat-port.js';
import type { AuditResult } from '../../drift/audit-report.js';
import { silentLogger } from '../../log.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import { driftAuditProcessor } from './drift-audit-processor.js';

const item = (
  stack: string,
  service: string,
  kind: 'changed' | 'drift-detected',
  path: string,
  expected: string,
  actual: string,
) => ({ host: 'k3s', stack, service, kind, path, severity: 'functional' as const, expected, actual });

const result: AuditResult = {
  report: {
    generatedAt: '2026-01-01T00:00:00.000Z',
    commit: 'c'.repeat(40),
    durationMs: 10,
    servicesAudited: 3,
    warnings: [],
    hosts: [{ name: 'k3s', reachable: true }],
    items: [
      item('apps/nextcloud', 'nextcloud', 'changed', 'values.replicaCount', '1', '2'),
      item('apps/vault', 'vault', 'changed', 'values.auth.password', '••••', '•••• (changed)'),
      item('apps', 'helmrelease/podinfo', 'drift-detected', 'drift[Deployment/apps/podinfo]', 'as released', 'changed'),
    ],
  },
  sides: [],
};

describe('driftAuditProcessor on cluster drift', () => {
  it('offers Open PR for helm values it can write back, not for masked secrets or Flux drift', async () => {
    const buttons: unknown[] = [];
    const posted: OutgoingMessage[] = [];
    const ctx: ProcessorContext = {
      log: silentLogger(),
      run: {} as ProcessorContext['run'],
      attempt: 1,
      system: {} as ProcessorContext['system'],
      progress: () => Promise.resolve(),
      createButton: (definition, payload, label, style = 'primary') => {
        buttons.push({ kind: definition.kind, payload });
        return Promise.resolve({ id: 'act:1', label, style });
      },
      post: (m: OutgoingMessage) => {
        posted.push(m);
        return Promise.resolve({ platform: 'shell' as const, channelId: 'c', messageId: String(posted.length) });
      },
    };
    await driftAuditProcessor({ audit: () => Promise.resolve(result), openPrButtons: true })(
      { runId: 'r', requester: { platform: 'shell', id: 'u' }, options: {} },
      ctx,
    );
    expect(buttons).toEqual([
      { kind: 'drift.open-pr', payload: { host: 'k3s', stack: 'apps/nextcloud', service: 'nextcloud' } },
    ]);
    expect(posted).toHaveLength(3);
  });
});
