import { Writable } from 'node:stream';
import { realAuditConnections } from './wired.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftItem } from '../../src/drift/drift-item.js';
import { renderAuditJson, renderAuditMarkdown, renderServiceDiff } from '../../src/drift/render-audit.js';
import { runAudit } from '../../src/drift/run-audit.js';
import type { AuditResult } from '../../src/drift/audit-report.js';
import { runDriftAuditCli } from '../../src/drift/cli-audit.js';
import { auditReport } from '../../src/commands/drift/drift-audit-processor.js';
import { silentLogger } from '../../src/log.js';
import {
  addStaleStack,
  breakStackYaml,
  plantEnvDrift,
  plantImageDrift,
  plantLabelDrift,
  plantNetworkModeDrift,
  plantPortDrift,
  plantRestartDrift,
  plantVolumeDrift,
  removeService,
  requireLab,
  startLab,
  startUnmanaged,
  stopService,
  type Lab,
} from '../../lab/index.js';
import { closedPortHost, labAuditConfig, labAuditDeps, wrongKeyHost } from './drift-harness.js';

const log = silentLogger();
const H1 = 'ct-docker-01';
const H2 = 'ct-media-01';
const PLANTED_SECRET = 'rotated-sonarr-apikey-5e1b7c';

type Expect = Pick<DriftItem, 'host' | 'stack' | 'kind' | 'path' | 'severity'> & { service: string | null };

/** Every text the audit produces for people: JSON, Markdown and each service diff. */
/** Runs the CLI entry with `--json` into a buffer. */
async function cliJson(
  lab: Lab,
  options: { host?: string; stack?: string } = {},
): Promise<{ code: number; json: Record<string, unknown> }> {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const code = await runDriftAuditCli(labAuditConfig(lab), { ...options, json: true }, out, {
    cacheDir: `${lab.stateDir}/cli-cache`,
    ...realAuditConnections(),
  });
  return { code, json: JSON.parse(chunks.join('')) as Record<string, unknown> };
}

const allOutput = (r: AuditResult): string =>
  [renderAuditJson(r.report), renderAuditMarkdown(r), ...r.sides.map((s) => renderServiceDiff(s))].join('\n');

describe('drift audit of the real lab', () => {
  let started: Lab | undefined;
  const labOf = (): Lab => {
    if (started === undefined) throw new Error('the lab did not start');
    return started;
  };
  const audit = (lab: Lab, extra: Parameters<typeof labAuditConfig>[1] = []): Promise<AuditResult> =>
    runAudit(labAuditDeps(lab, labAuditConfig(lab, extra), log));

  beforeAll(async () => {
    await requireLab();
    started = await startLab({ name: 'audit' });
  }, 900_000);

  afterAll(async () => {
    await started?.stop();
  }, 120_000);

  it('reports zero differences on a clean lab, with both hosts reachable and every service audited', async () => {
    const { report } = await audit(labOf());
    expect(report.items).toEqual([]);
    expect(report.hosts).toEqual([
      { name: H1, reachable: true },
      { name: H2, reachable: true },
    ]);
    expect(report.servicesAudited).toBe(12);
    expect(report.commit).toMatch(/^[0-9a-f]{40}$/);
    const cli = await cliJson(labOf(), { host: H2 });
    expect(cli.code).toBe(0);
    expect(cli.json).toMatchObject({ commit: report.commit, hosts: [{ name: H2, reachable: true }], items: [] });
  }, 300_000);

  it('reports an unreachable host and a wrong host key precisely while still auditing the lab hosts', async () => {
    const lab = labOf();
    const result = await audit(lab, [await closedPortHost(lab), wrongKeyHost(lab)]);
    const { report } = result;
    // The headline counts the hosts it could not see, so a partial audit never reads as clean.
    expect(auditReport(result, true)).toMatchObject({
      status: 'warning',
      summary: '2 of 4 hosts unreachable; 0 difference(s) found on the 2 audited.',
    });
    const byName = new Map(report.hosts.map((h) => [h.name, h]));
    expect(byName.get(H1)).toEqual({ name: H1, reachable: true });
    expect(byName.get(H2)).toEqual({ name: H2, reachable: true });
    expect(byName.get('ct-gone-01')).toMatchObject({
      reachable: false,
      code: 'host-unreachable',
      error: expect.stringContaining('connection refused'),
    });
    expect(byName.get('ct-impostor-01')).toMatchObject({
      reachable: false,
      code: 'host-key-mismatch',
      error: expect.stringContaining('ct-impostor-01'),
    });
    expect(report.items).toEqual([]);
  }, 300_000);

  it('reports every planted drift with its kind, path and severity, and masks the changed secret', async () => {
    const lab = labOf();
    await plantEnvDrift(lab, { stack: 'dns-pihole', service: 'pihole', key: 'TZ', value: 'UTC' });
    await plantEnvDrift(lab, {
      stack: 'media-indexers',
      service: 'sonarr',
      key: 'SONARR__AUTH__APIKEY',
      value: PLANTED_SECRET,
    });
    await plantImageDrift(lab, { stack: 'infra-core', service: 'whoami' });
    await plantLabelDrift(lab, {
      stack: 'media-downloads',
      service: 'gluetun',
      key: 'org.example.owner',
      value: 'bob',
    });
    await plantPortDrift(lab, { stack: 'media-indexers', service: 'radarr' });
    await plantVolumeDrift(lab, { stack: 'media-indexers', service: 'prowlarr' });
    await plantRestartDrift(lab, { stack: 'media-indexers', service: 'bazarr', policy: 'always' });
    await plantNetworkModeDrift(lab, { stack: 'media-downloads', service: 'qbittorrent', mode: 'none' });
    await startUnmanaged(lab.hosts[0]!, 'stray');
    await stopService(lab, { stack: 'infra-core', service: 'traefik' });
    await removeService(lab, { stack: 'media-plex', service: 'plex' });
    await breakStackYaml(lab, 'observability');
    await addStaleStack(lab, 'legacy-heimdall');

    const result = await audit(lab);
    const { items } = result.report;
    const expected: Expect[] = [
      {
        host: H1,
        stack: 'dns-pihole',
        service: 'pihole',
        kind: 'changed',
        path: 'environment.TZ',
        severity: 'functional',
      },
      {
        host: H2,
        stack: 'media-indexers',
        service: 'sonarr',
        kind: 'changed',
        path: 'environment.SONARR__AUTH__APIKEY',
        severity: 'functional',
      },
      { host: H1, stack: 'infra-core', service: 'whoami', kind: 'changed', path: 'image.tag', severity: 'functional' },
      {
        host: H2,
        stack: 'media-downloads',
        service: 'gluetun',
        kind: 'added',
        path: 'labels.org.example.owner',
        severity: 'cosmetic',
      },
      {
        host: H2,
        stack: 'media-indexers',
        service: 'radarr',
        kind: 'changed',
        path: 'ports[7878/tcp]',
        severity: 'breaking',
      },
      {
        host: H2,
        stack: 'media-indexers',
        service: 'prowlarr',
        kind: 'added',
        path: 'volumes[/planted]',
        severity: 'breaking',
      },
      {
        host: H2,
        stack: 'media-indexers',
        service: 'bazarr',
        kind: 'changed',
        path: 'restart',
        severity: 'functional',
      },
      {
        host: H2,
        stack: 'media-downloads',
        service: 'qbittorrent',
        kind: 'changed',
        path: 'network_mode',
        severity: 'breaking',
      },
      { host: H1, stack: '', service: 'stray', kind: 'unmanaged-container', path: '', severity: 'functional' },
      { host: H1, stack: 'infra-core', service: 'traefik', kind: 'changed', path: 'state', severity: 'breaking' },
      { host: H2, stack: 'media-plex', service: 'plex', kind: 'missing-container', path: '', severity: 'breaking' },
      {
        host: H1,
        stack: 'observability',
        service: null,
        kind: 'unparseable',
        path: expect.stringMatching(/^docker-compose\.yml:\d+:\d+$/) as string,
        severity: 'breaking',
      },
      {
        host: '',
        stack: 'legacy-heimdall',
        service: null,
        kind: 'stale-stack',
        path: 'stacks/legacy-heimdall',
        severity: 'cosmetic',
      },
    ];
    for (const e of expected)
      expect(items, `${e.stack}/${e.service ?? ''} ${e.path}`).toContainEqual(expect.objectContaining(e));
    const plantedServices = new Set(expected.map((e) => `${e.host}/${e.stack}/${e.service ?? ''}`));
    const unexpected = items.filter(
      (i) => !plantedServices.has(`${i.host}/${i.stack}/${i.service ?? ''}`) && i.kind !== 'unmanaged-container',
    );
    expect(unexpected).toEqual([]);

    const secret = items.find((i) => i.path === 'environment.SONARR__AUTH__APIKEY');
    expect(secret).toMatchObject({ expected: '••••', actual: '•••• (changed)' });
    const text = allOutput(result);
    expect(text).not.toContain(PLANTED_SECRET);
    expect(text).not.toContain('lab-secret-');
    expect(text).toContain('•••• (changed)');

    const cli = await cliJson(lab, { stack: 'media-indexers' });
    expect(cli.code).toBe(1);
    const cliItems = cli.json['items'] as DriftItem[];
    expect(new Set(cliItems.map((i) => i.service))).toEqual(new Set(['sonarr', 'radarr', 'prowlarr', 'bazarr']));
    expect(JSON.stringify(cli.json)).not.toContain(PLANTED_SECRET);
  }, 900_000);
});
