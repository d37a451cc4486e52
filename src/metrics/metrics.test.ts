import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';
import { recordAudit } from './record-audit.js';

const line = (body: string, series: string): string | undefined =>
  body.split('\n').find((l) => l.startsWith(`${series} `));

describe('createMetrics', () => {
  it('replaces drift counts per severity on every audit, zeroing severities that vanished', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.setDriftItems([{ severity: 'breaking' }, { severity: 'breaking' }, { severity: 'cosmetic' }]);
    metrics.setDriftItems([{ severity: 'cosmetic' }]);
    const { body } = await metrics.render();
    expect(line(body, 'homelab_drift_items{severity="breaking"}')).toBe('homelab_drift_items{severity="breaking"} 0');
    expect(line(body, 'homelab_drift_items{severity="cosmetic"}')).toBe('homelab_drift_items{severity="cosmetic"} 1');
  });

  it('exports each check as a state set: 1 for the current status only', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.recordCheckResults([{ name: 'radarr', status: 'fail' }]);
    metrics.recordCheckResults([
      { name: 'radarr', status: 'ok' },
      { name: 'plex', status: 'warn' },
    ]);
    const { body } = await metrics.render();
    expect(line(body, 'homelab_check_status{check="radarr",status="ok"}')).toMatch(/ 1$/);
    expect(line(body, 'homelab_check_status{check="radarr",status="fail"}')).toMatch(/ 0$/);
    expect(line(body, 'homelab_check_status{check="plex",status="warn"}')).toMatch(/ 1$/);
  });

  it('reads check statuses on scrape when given a source (the cached health run)', async () => {
    let latest: { name: string; status: string }[] | undefined;
    const metrics = createMetrics({ defaultMetrics: false, checkResults: () => Promise.resolve(latest) });
    expect((await metrics.render()).body).not.toContain('check="');
    latest = [{ name: 'vpn.public-ip', status: 'fail' }];
    expect(line((await metrics.render()).body, 'homelab_check_status{check="vpn.public-ip",status="fail"}')).toMatch(
      / 1$/,
    );
    latest = [{ name: 'vpn.public-ip', status: 'ok' }];
    const body = (await metrics.render()).body;
    expect(line(body, 'homelab_check_status{check="vpn.public-ip",status="fail"}')).toMatch(/ 0$/);
    expect(line(body, 'homelab_check_status{check="vpn.public-ip",status="ok"}')).toMatch(/ 1$/);
  });

  it('keeps registries apart: two instances count independently', async () => {
    const a = createMetrics({ defaultMetrics: false });
    const b = createMetrics({ defaultMetrics: false });
    a.jobFinished('system.ping', 'retried', 0.1);
    expect(line((await a.render()).body, 'homelab_jobs_total{job="system.ping",outcome="retried"}')).toMatch(/ 1$/);
    expect((await b.render()).body).not.toContain('job="system.ping"');
  });
});

describe('recordAudit', () => {
  it('sets the drift gauge after a full audit only, not after a filtered one', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const result = (n: number) =>
      ({
        report: { items: Array.from({ length: n }, () => ({ severity: 'breaking' })) },
        sides: [],
      }) as unknown as Parameters<ReturnType<typeof recordAudit>>[0];
    recordAudit(metrics)(result(2), {});
    recordAudit(metrics)(result(5), { host: 'ct-docker-01' });
    expect(line((await metrics.render()).body, 'homelab_drift_items{severity="breaking"}')).toMatch(/ 2$/);
  });
});
