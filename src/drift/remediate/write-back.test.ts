import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DriftItem } from '../drift-item.js';
import { backportService, type BackportInput } from './backport-service.js';
import { renderPrBody } from './pr-body.js';
import { renderStack } from './write-back-check.js';

let dir = '';
afterEach(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

async function stack(compose: string): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'write-back-'));
  const stackDir = join(dir, 'media');
  await mkdir(stackDir);
  await writeFile(join(stackDir, 'docker-compose.yml'), compose);
  return stackDir;
}

const item = (path: string, expected: string | null, actual: string | null, service = 'app'): DriftItem => ({
  host: 'h',
  stack: 'media',
  service,
  kind: expected === null ? 'added' : actual === null ? 'removed' : 'changed',
  path,
  severity: 'functional',
  expected,
  actual,
});

const backport = (stackDir: string, items: DriftItem[], extra: Partial<BackportInput> = {}) =>
  backportService({ stackDir, endpoint: null, project: 'media', service: items[0]?.service ?? 'app', items, ...extra });

const text = (stackDir: string) => readFile(join(stackDir, 'docker-compose.yml'), 'utf8');

async function rendered(
  stackDir: string,
  service: string,
  path: string,
  hostEnv?: string,
): Promise<string | undefined> {
  const r = await renderStack({ stackDir, endpoint: null, hostEnv });
  if (typeof r === 'string') throw new Error(r);
  return r.get(service)?.get(path);
}

describe('write-back keeps the repo variables', () => {
  const hostEnv = 'APPDATA=/srv/lab/appdata\nDOMAIN=home.example.net\n';

  it('re-templates a bind source with the variable and its default (bazarr)', async () => {
    const stackDir = await stack(
      'services:\n  app:\n    image: bazarr\n    volumes:\n      - ${APPDATA:-/opt/appdata}/media-indexers/bazarr:/config\n',
    );
    const result = await backport(
      stackDir,
      [item('volumes[/config]', 'bind:/srv/lab/appdata/media-indexers/bazarr:rw', 'bind:/srv/lab/appdata/bazarr:rw')],
      { hostEnv },
    );
    expect(await text(stackDir)).toContain('      - ${APPDATA:-/opt/appdata}/bazarr:/config\n');
    expect(result.changes).toHaveLength(1);
    const body = renderPrBody({
      host: 'h',
      stack: 'media',
      service: 'app',
      ...result,
      auditedCommit: 'c',
      auditedAt: 't',
      report: [],
      requestedBy: 'alice',
    });
    expect(body).toContain(
      "`/srv/lab/appdata/bazarr` → `${APPDATA:-/opt/appdata}/bazarr`, because the host's `.env` sets `APPDATA=/srv/lab/appdata`",
    );
  });

  it('re-templates a Traefik rule that gained a second host', async () => {
    const stackDir = await stack(
      'services:\n  app:\n    image: grafana\n    labels:\n      - traefik.http.routers.grafana.rule=Host(`grafana.${DOMAIN}`)\n',
    );
    await backport(
      stackDir,
      [
        item(
          'labels.traefik.http.routers.grafana.rule',
          'Host(`grafana.home.example.net`)',
          'Host(`grafana.home.example.net`) || Host(`dash.home.example.net`)',
        ),
      ],
      { hostEnv },
    );
    expect(await text(stackDir)).toContain(
      '- traefik.http.routers.grafana.rule=Host(`grafana.${DOMAIN}`) || Host(`dash.${DOMAIN}`)\n',
    );
  });

  it('writes a value no variable explains as a literal, with $ escaped, and it renders back as running', async () => {
    const stackDir = await stack(
      'services:\n  app:\n    image: x\n    environment:\n      COST: "1"\n    labels:\n      - traefik.http.routers.api.rule=PathPrefix(`/api`)\n',
    );
    const rule = 'PathRegexp(`^/api/v[0-9]+$`)';
    const result = await backport(
      stackDir,
      [
        item('labels.traefik.http.routers.api.rule', 'PathPrefix(`/api`)', rule),
        item('environment.COST', '1', 'cost=$5 for $HOME'),
      ],
      { hostEnv: 'HOME=/root\n' },
    );
    expect(result.skipped).toEqual([]);
    expect(await text(stackDir)).toContain('PathRegexp(`^/api/v[0-9]+$$`)');
    expect(await rendered(stackDir, 'app', 'labels.traefik.http.routers.api.rule', 'HOME=/root\n')).toBe(rule);
    expect(await rendered(stackDir, 'app', 'environment.COST', 'HOME=/root\n')).toBe('cost=$5 for $HOME');
  });

  it('never turns an escaped htpasswd literal into an undefined variable', async () => {
    const compose =
      'services:\n  app:\n    image: x\n    labels:\n      - "traefik.http.middlewares.a.basicauth.users=admin:$$apr1$$old"\n';
    const stackDir = await stack(compose);
    const result = await backport(stackDir, [
      item('labels.traefik.http.middlewares.a.basicauth.users', '••••', '•••• (changed)'),
    ]);
    expect(result.skipped[0]?.reason).toMatch(/escaped literal/);
    expect(await text(stackDir)).toBe(compose);
  });

  it('writes a changed htpasswd hash git held as an escaped literal back as an escaped literal', async () => {
    const key = 'traefik.http.middlewares.a.basicauth.users';
    const stackDir = await stack(
      `services:\n  app:\n    image: x\n    labels:\n      - "${key}=admin:$$apr1$$old$$hash" # auth\n`,
    );
    const running = { environment: new Map(), labels: new Map([[key, 'admin:$apr1$new$hash/x']]) };
    const result = await backport(stackDir, [item(`labels.${key}`, '••••', '•••• (changed)')], { running });
    expect(result.skipped).toEqual([]);
    expect(result.envSampleVars).toEqual([]);
    expect(await text(stackDir)).toContain(`- "${key}=admin:$$apr1$$new$$hash/x" # auth\n`);
    expect(await rendered(stackDir, 'app', `labels.${key}`)).toBe('admin:$apr1$new$hash/x');
  });

  it('still writes a plaintext secret git held as a literal as ${VAR}', async () => {
    const stackDir = await stack('services:\n  app:\n    image: x\n    environment:\n      DB_PASSWORD: old$$pw\n');
    const running = { environment: new Map([['DB_PASSWORD', 'new$pw']]), labels: new Map() };
    const result = await backport(stackDir, [item('environment.DB_PASSWORD', '••••', '•••• (changed)')], { running });
    expect(await text(stackDir)).not.toContain('new');
    expect(result.skipped[0]?.reason).toMatch(/escaped literal/);
  });
});

describe('write-back of runtime settings', () => {
  const base = `services:
  app:
    image: x
    cap_add: [NET_ADMIN]
    dns:
      - 1.1.1.1
    healthcheck:
      test: ["CMD", "true"]
      interval: 30s # probe
    sysctls:
      - net.ipv4.ip_forward=0
`;

  it('writes healthcheck interval, cap_add, dns, extra_hosts, devices, sysctls, ulimits and logging, rendering the running values', async () => {
    const stackDir = await stack(base);
    const items = [
      item('healthcheck.interval', '30s', '10s'),
      item('cap_add[SYS_TIME]', null, 'present'),
      item('dns[1.1.1.1]', 'present', null),
      item('dns[9.9.9.9]', null, 'present'),
      item('extra_hosts[nas=10.0.0.2]', null, 'present'),
      item('devices[/dev/dri]', null, '/dev/dri:rwm'),
      item('sysctls.net.ipv4.ip_forward', '0', '1'),
      item('ulimits.nofile', null, '65535:65535'),
    ];
    const result = await backport(stackDir, items);
    expect(result.skipped).toEqual([]);
    const out = await text(stackDir);
    expect(out).toContain('      interval: 10s # probe\n');
    expect(out).toContain('cap_add: [NET_ADMIN, SYS_TIME]');
    for (const i of items) expect(await rendered(stackDir, 'app', i.path), i.path).toBe(i.actual ?? undefined);
  });

  it('turns an aliased environment into a local merge and leaves the anchor and its other users alone', async () => {
    const compose = `x-env: &default-env
  PUID: "1000" # user
  PGID: "1000"
  TZ: Europe/Berlin
services:
  app:
    image: x
    environment: *default-env
  other:
    image: y
    environment: *default-env
`;
    const stackDir = await stack(compose);
    const result = await backport(stackDir, [item('environment.TZ', 'Europe/Berlin', 'UTC')]);
    expect(result.changes).toHaveLength(1);
    expect(await text(stackDir)).toContain('    environment:\n      <<: *default-env\n      TZ: UTC\n');
    expect(await rendered(stackDir, 'app', 'environment.PUID')).toBe('1000');
    expect(await rendered(stackDir, 'other', 'environment.TZ')).toBe('Europe/Berlin');
  });

  it('skips removing a key that comes from a <<: merge, with a reason and no file change', async () => {
    const compose =
      'x-labels: &common\n  team: media\nservices:\n  app:\n    image: x\n    labels:\n      <<: *common\n      role: web\n';
    const stackDir = await stack(compose);
    const result = await backport(stackDir, [item('labels.team', 'media', null)]);
    expect(result.changes).toEqual([]);
    expect(result.files).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/merge/);
    expect(await text(stackDir)).toBe(compose);
  });

  it('edits a long-syntax volume field by field, keeping its options', async () => {
    const compose =
      'services:\n  app:\n    image: x\n    volumes:\n      - type: bind\n        source: /srv/old\n        target: /data\n        bind:\n          propagation: rshared\n';
    const stackDir = await stack(compose);
    await backport(stackDir, [item('volumes[/data]', 'bind:/srv/old:rw', 'bind:/srv/new:rw')]);
    expect(await text(stackDir)).toBe(compose.replace('/srv/old', '/srv/new'));
  });

  it('names the command that starts a missing container, with the -f files', async () => {
    const stackDir = await stack('services:\n  app:\n    image: x\n');
    const result = await backport(stackDir, [
      { ...item('app', null, null), kind: 'missing-container', severity: 'breaking' },
    ]);
    expect(result.skipped[0]?.reason).toContain(
      'start it on h in the stack folder with `docker-compose -p media -f docker-compose.yml up -d app`',
    );
  });

  it('writes a new labels block in the list form the file uses', async () => {
    const stackDir = await stack(
      'services:\n  a:\n    image: x\n    labels:\n      - a=1\n  b:\n    image: y\n    labels:\n      - b=1\n  app:\n    image: z\n',
    );
    await backport(stackDir, [item('labels.role', null, 'web')]);
    expect(await text(stackDir)).toContain('  app:\n    image: z\n    labels:\n      - role=web\n');
  });
});
