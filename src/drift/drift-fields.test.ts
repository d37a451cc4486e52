import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';
import { DRIFT_FIELDS, fieldOf } from './drift-fields.js';
import { flattenModel } from './flatten.js';
import type { ServiceModel } from './model.js';
import { severityTable, withSeverityTable } from './severity-doc.js';

const docPath = fileURLToPath(new URL('./SEVERITY.md', import.meta.url));

/** A model with every field set, so flattening yields every kind of path. */
const full: ServiceModel = {
  image: { repo: 'docker.io/library/nginx', tag: '1', digest: 'sha256:ab' },
  environment: new Map([['TZ', 'UTC']]),
  labels: new Map([
    ['traefik.enable', 'true'],
    ['org.x', 'y'],
  ]),
  ports: new Map([['80/tcp', [':8080']]]),
  mounts: new Map([
    ['/data', { type: 'bind', source: '/srv/data', readOnly: false }],
    ['/tmp', { type: 'tmpfs', source: '', readOnly: false }],
  ]),
  networks: new Set(['p_default']),
  networkMode: 'host',
  restart: 'always',
  healthcheck: { test: ['CMD', 'true'], interval: 1e9, timeout: 1e9, startPeriod: 0, retries: 3 },
  command: ['a'],
  entrypoint: ['b'],
  user: 'u',
  workingDir: '/w',
  capAdd: new Set(['NET_ADMIN']),
  capDrop: new Set(['ALL']),
  devices: new Map([['/dev/net/tun', '/dev/net/tun:rwm']]),
  privileged: true,
  extraHosts: new Set(['a=1.2.3.4']),
  dns: new Set(['1.1.1.1']),
  sysctls: new Map([['net.ipv4.ip_forward', '1']]),
  ulimits: new Map([['nofile', '65535:65535']]),
  logging: { driver: 'json-file', options: new Map([['max-size', '10m']]) },
};

describe('DRIFT_FIELDS (the one table of compared fields)', () => {
  it('declares every path the comparison produces, exactly once', () => {
    const paths = [...flattenModel(full, true).keys(), 'state', 'config_files'];
    for (const path of paths)
      expect(
        DRIFT_FIELDS.filter((f) => f.path.test(path)).map((f) => f.shown),
        path,
      ).toHaveLength(1);
  });

  it('says for every field how remediation writes it, or why it does not', () => {
    for (const f of DRIFT_FIELDS) {
      const told = f.writeBack.kind === 'manual' ? f.writeBack.why : f.writeBack.how;
      expect(told.length, f.shown).toBeGreaterThan(5);
    }
  });

  it('keeps the severities of the former hand-written table', () => {
    expect(classify('environment.TZ', 'removed')).toBe('breaking');
    expect(classify('environment.TZ', 'changed')).toBe('functional');
    expect(classify('labels.traefik.http.routers.x.rule', 'changed')).toBe('functional');
    expect(classify('labels.org.opencontainers.image.version', 'changed')).toBe('cosmetic');
    expect(classify('cap_add[NET_ADMIN]', 'removed')).toBe('breaking');
    expect(classify('cap_add[SYS_TIME]', 'added')).toBe('functional');
    expect(classify('image.repo', 'changed')).toBe('breaking');
    expect(classify('image.tag', 'changed')).toBe('functional');
    expect(classify('networks[x]', 'added')).toBe('breaking');
    expect(classify('whoami-1', 'unmanaged-container')).toBe('functional');
    expect(classify('stacks/x', 'stale-stack')).toBe('cosmetic');
    expect(fieldOf('healthcheck.interval')?.compose).toBe('healthcheck');
  });

  it('is what SEVERITY.md shows (UPDATE_SEVERITY_DOC=1 rewrites the doc)', async () => {
    const doc = await readFile(docPath, 'utf8');
    if (process.env['UPDATE_SEVERITY_DOC'] === '1') await writeFile(docPath, withSeverityTable(doc));
    const now = await readFile(docPath, 'utf8');
    expect(now).toContain(severityTable());
  });
});
