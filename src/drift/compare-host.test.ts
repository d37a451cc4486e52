import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareHost, findStaleStacks } from './compare-host.js';
import type { DriftItem } from './drift-item.js';
import { loadStack, type LoadedStack } from './load-stack.js';
import { toObservedContainers, type InspectPair } from './observed.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/compose/', import.meta.url));
/** The parts of a container inspect fixture the tests mutate. */
interface Fixture {
  Id: string;
  State: { Status: string };
  Config: {
    Env: string[];
    Image: string;
    Labels: Record<string, string>;
    Cmd: string[];
    Healthcheck: { Interval: number };
  };
  HostConfig: {
    PortBindings: Record<string, { HostIp: string; HostPort: string }[]>;
    Binds: string[];
    RestartPolicy: { Name: string; MaximumRetryCount: number };
    NetworkMode: string;
    CapAdd: string[] | null;
  };
}
const json = (name: string): Fixture => JSON.parse(readFileSync(`${fixtures}inspect/${name}`, 'utf8')) as Fixture;

type Mutate = (container: Fixture) => void;
let web: LoadedStack;
let vpn: LoadedStack;

beforeAll(async () => {
  web = await loadStack({ stackDir: `${fixtures}repo/stacks/web`, endpoint: 'docker01' });
  vpn = await loadStack({ stackDir: `${fixtures}repo/stacks/vpn`, endpoint: 'docker01' });
});

function auditWeb(mutate: Mutate = () => undefined): DriftItem[] {
  const container = json('web-nginx.container.json');
  mutate(container);
  const observed = toObservedContainers([{ container, image: json('nginx.image.json') }]);
  return compareHost({
    hostName: 'ct-docker-01',
    expectedStacks: [web],
    observedContainers: observed,
    knownSecrets: ['s3cr3t-token-value'],
  });
}

const env = (c: Fixture, key: string, value: string | null): void => {
  c.Config.Env = c.Config.Env.filter((e) => !e.startsWith(`${key}=`));
  if (value !== null) c.Config.Env.push(`${key}=${value}`);
};

describe('compareHost on a compose 1.29 container', () => {
  it('finds nothing when the container matches its compose files', () => {
    expect(auditWeb()).toEqual([]);
  });

  it.each<[string, Mutate, Partial<DriftItem>]>([
    [
      'an env value',
      (c) => {
        env(c, 'TZ', 'UTC');
      },
      { kind: 'changed', path: 'environment.TZ', severity: 'functional', expected: 'Europe/Berlin', actual: 'UTC' },
    ],
    [
      'a removed env var',
      (c) => {
        env(c, 'NGINX_HOST', null);
      },
      { kind: 'removed', path: 'environment.NGINX_HOST', severity: 'breaking' },
    ],
    [
      'the image tag',
      (c) => {
        c.Config.Image = 'nginx:1.27-alpine';
      },
      { kind: 'changed', path: 'image.tag', severity: 'functional', actual: '1.27-alpine' },
    ],
    [
      'the image repository',
      (c) => {
        c.Config.Image = 'ghcr.io/acme/nginx:1.25-alpine';
      },
      { kind: 'changed', path: 'image.repo', severity: 'breaking' },
    ],
    [
      'a descriptive label',
      (c) => {
        c.Config.Labels['org.example.owner'] = 'bob';
      },
      { kind: 'changed', path: 'labels.org.example.owner', severity: 'cosmetic' },
    ],
    [
      'a traefik label',
      (c) => {
        c.Config.Labels['traefik.http.routers.web.rule'] = 'Host(`x.lan`)';
      },
      { kind: 'changed', path: 'labels.traefik.http.routers.web.rule', severity: 'functional' },
    ],
    [
      'a published port',
      (c) => {
        c.HostConfig.PortBindings['80/tcp']![0]!.HostPort = '18081';
      },
      {
        kind: 'changed',
        path: 'ports[80/tcp]',
        severity: 'breaking',
        expected: '127.0.0.1:18080',
        actual: '127.0.0.1:18081',
      },
    ],
    [
      'a bind source',
      (c) => {
        c.HostConfig.Binds[0] = '/srv/html:/usr/share/nginx/html:ro';
      },
      { kind: 'changed', path: 'volumes[/usr/share/nginx/html]', severity: 'breaking' },
    ],
    [
      'ro → rw on a bind',
      (c) => {
        c.HostConfig.Binds[0] = '/opt/stacks/web/html:/usr/share/nginx/html:rw';
      },
      { kind: 'changed', path: 'volumes[/usr/share/nginx/html]', severity: 'breaking' },
    ],
    [
      'the restart policy',
      (c) => {
        c.HostConfig.RestartPolicy = { Name: 'always', MaximumRetryCount: 0 };
      },
      { kind: 'changed', path: 'restart', severity: 'functional', expected: 'unless-stopped', actual: 'always' },
    ],
    [
      'network_mode',
      (c) => {
        c.HostConfig.NetworkMode = 'host';
      },
      { kind: 'added', path: 'network_mode', severity: 'breaking', actual: 'host' },
    ],
    [
      'the healthcheck interval',
      (c) => {
        c.Config.Healthcheck.Interval = 60e9;
      },
      { kind: 'changed', path: 'healthcheck.interval', severity: 'functional', expected: '30s', actual: '1m' },
    ],
    [
      'the command',
      (c) => {
        c.Config.Cmd = ['nginx', '-g', 'daemon off; worker_processes 2;'];
      },
      { kind: 'changed', path: 'command', severity: 'breaking' },
    ],
    [
      'an added capability',
      (c) => {
        c.HostConfig.CapAdd?.push('SYS_ADMIN');
      },
      { kind: 'added', path: 'cap_add[SYS_ADMIN]', severity: 'functional' },
    ],
    [
      'a dropped capability',
      (c) => {
        c.HostConfig.CapAdd = null;
      },
      { kind: 'removed', path: 'cap_add[CHOWN]', severity: 'breaking' },
    ],
    [
      'a deploy without the endpoint override',
      (c) => {
        c.Config.Labels['com.docker.compose.project.config_files'] = '/opt/stacks/web/docker-compose.yml';
      },
      {
        kind: 'changed',
        path: 'config_files',
        severity: 'breaking',
        expected: 'docker-compose.yml,docker-compose.docker01.yml',
        actual: 'docker-compose.yml',
      },
    ],
    [
      'an exited container',
      (c) => {
        c.State.Status = 'exited';
      },
      { kind: 'changed', path: 'state', severity: 'breaking', actual: 'exited' },
    ],
  ])('reports exactly one item for %s', (_name, mutate, expected) => {
    const items = auditWeb(mutate);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ host: 'ct-docker-01', stack: 'web', service: 'nginx', ...expected });
  });

  it('masks a changed secret while keeping the change visible', () => {
    const items = auditWeb((c) => {
      env(c, 'API_TOKEN', 'rotated-token');
    });
    expect(items).toEqual([
      {
        host: 'ct-docker-01',
        stack: 'web',
        service: 'nginx',
        kind: 'changed',
        path: 'environment.API_TOKEN',
        severity: 'functional',
        expected: '••••',
        actual: '•••• (changed)',
      },
    ]);
    expect(JSON.stringify(items)).not.toContain('rotated-token');
  });

  it('masks known secret values under innocent-looking keys', () => {
    const items = auditWeb((c) => {
      env(c, 'DEBUG_DUMP', 'x=s3cr3t-token-value');
    });
    expect(items[0]).toMatchObject({ kind: 'added', path: 'environment.DEBUG_DUMP', actual: '••••' });
  });

  it('reports a missing container and an unmanaged one', () => {
    const observed = toObservedContainers([{ container: json('handmade.container.json'), image: {} }]);
    const items = compareHost({ hostName: 'h', expectedStacks: [web], observedContainers: observed });
    // Container-level kinds carry an empty path; the unmanaged one is named by its container (no compose label).
    expect(items.map((i) => [i.kind, i.stack, i.service, i.path, i.severity])).toEqual([
      ['missing-container', web.ok ? web.stack : '', 'nginx', '', 'breaking'],
      ['unmanaged-container', '', 'portainer_agent', '', 'functional'],
    ]);
  });

  it('names an unmanaged compose container by its service and stack from its project label', () => {
    const labelled = toObservedContainers([{ container: json('handmade.container.json'), image: {} }]).map((c) => ({
      ...c,
      project: 'tools',
      service: 'agent',
    }));
    const items = compareHost({ hostName: 'h', expectedStacks: [], observedContainers: labelled });
    expect(items).toEqual([
      expect.objectContaining({ kind: 'unmanaged-container', stack: 'tools', service: 'agent', path: '' }),
    ]);
  });
});

describe('compareHost on a gluetun namespace stack', () => {
  const pairs = (): InspectPair[] => [
    { container: json('vpn-gluetun.container.json'), image: json('gluetun.image.json') },
    { container: json('vpn-qbittorrent.container.json'), image: json('qbittorrent.image.json') },
  ];

  it('resolves container:<id> to service:gluetun and marks the host-only key unverifiable with its value masked', () => {
    const items = compareHost({
      hostName: 'h',
      expectedStacks: [vpn],
      observedContainers: toObservedContainers(pairs()),
    });
    expect(items).toEqual([
      {
        host: 'h',
        stack: 'vpn',
        service: 'gluetun',
        kind: 'changed',
        path: 'environment.WIREGUARD_PRIVATE_KEY',
        severity: 'unverifiable',
        expected: '${WG_KEY}',
        actual: '••••',
      },
    ]);
  });

  it('reports a stale namespace parent when gluetun was recreated outside compose', () => {
    const [gluetun, qbit] = pairs();
    (gluetun!.container as Fixture).Id = 'f'.repeat(64);
    const items = compareHost({
      hostName: 'h',
      expectedStacks: [vpn],
      observedContainers: toObservedContainers([gluetun!, qbit!]),
    });
    expect(items.filter((i) => i.path === 'network_mode')).toEqual([
      expect.objectContaining({
        service: 'qbittorrent',
        kind: 'changed',
        severity: 'breaking',
        expected: 'service:gluetun',
        actual: 'container:a1b2c3d4e5f6',
      }),
    ]);
  });

  it('reports the unparseable stack with line/column and still audits the others', async () => {
    const broken = await loadStack({ stackDir: `${fixtures}repo/stacks/broken`, endpoint: null });
    const items = compareHost({
      hostName: 'h',
      expectedStacks: [broken, vpn],
      observedContainers: toObservedContainers(pairs()),
    });
    expect(items.map((i) => [i.kind, i.stack, i.path])).toEqual([
      ['unparseable', 'broken', 'docker-compose.yml:5:5'],
      ['changed', 'vpn', 'environment.WIREGUARD_PRIVATE_KEY'],
    ]);
  });
});

describe('findStaleStacks', () => {
  it('lists stacks no host is assigned', () => {
    const items = findStaleStacks(['web', 'vpn', 'archive'], new Map([['ct-docker-01', ['web', 'vpn']]]));
    expect(items.map((i) => [i.kind, i.stack, i.severity])).toEqual([['stale-stack', 'archive', 'cosmetic']]);
  });
});
