import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintRepo, lintStack } from './lint.js';

const good = `services:
  app:
    image: ghcr.io/acme/app:1.4.2
    restart: unless-stopped
    environment:
      - TZ=\${TZ:-UTC}
    networks: [proxy]
    healthcheck:
      test: ["CMD", "true"]
    labels:
      - traefik.enable=true
      - traefik.docker.network=proxy
      - traefik.http.routers.app.rule=Host(\`app.\${DOMAIN}\`)
      - traefik.http.routers.app.entrypoints=websecure
      - traefik.http.services.app.loadbalancer.server.port=8080
  migrate:
    image: ghcr.io/acme/app@sha256:${'a'.repeat(64)}
    restart: "no"
networks:
  proxy:
    external: true
`;

let root: string;
const stack = async (name: string, files: Record<string, string>): Promise<string> => {
  const dir = join(root, 'stacks', name);
  await mkdir(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) await writeFile(join(dir, f), text);
  return dir;
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hlb-lint-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('lintStack', () => {
  it('finds nothing in a stack that follows every rule', async () => {
    expect(
      await lintStack(await stack('good', { 'docker-compose.yml': good, '.env.sample': 'TZ=UTC\nDOMAIN=home.lan\n' })),
    ).toEqual([]);
  });

  it('reports each broken rule with stack, service, rule and a fix', async () => {
    const bad = good
      .replace('services:', 'version: "3.8"\nservices:')
      .replace('ghcr.io/acme/app:1.4.2', 'ghcr.io/acme/app:latest')
      .replace('    healthcheck:\n      test: ["CMD", "true"]\n', '')
      .replace('      - traefik.docker.network=proxy\n', '')
      .replace('    external: true\n', '    driver: bridge\n')
      .replace('    restart: "no"\n', '    restart: always\n    healthcheck: { test: ["CMD", "true"] }\n');
    const findings = await lintStack(await stack('bad', { 'docker-compose.yml': bad, '.env.sample': 'TZ=UTC\n' }));
    expect(findings.map((f) => [f.service, f.rule])).toEqual([
      [null, 'no-version'],
      ['app', 'pinned-image'],
      ['app', 'healthcheck'],
      ['app', 'traefik-labels'],
      ['app', 'proxy-network'],
      [null, 'env-sample'],
    ]);
    expect(findings.find((f) => f.rule === 'traefik-labels')?.message).toContain('traefik.docker.network');
    expect(findings.find((f) => f.rule === 'env-sample')?.message).toContain('DOMAIN');
    for (const f of findings) expect(f.fix).not.toBe('');
  });

  it('reports an untagged image, a missing .env.sample and invalid YAML', async () => {
    const untagged = await lintStack(await stack('a', { 'docker-compose.yml': 'services:\n  x:\n    image: nginx\n' }));
    expect(untagged.map((f) => f.rule)).toEqual(['pinned-image', 'env-sample']);
    expect(untagged[0]?.message).toContain('has no tag');
    const broken = await lintStack(await stack('b', { 'docker-compose.yml': 'services: [oops\n', '.env.sample': '' }));
    expect(broken.map((f) => f.rule)).toEqual(['valid-yaml']);
  });
});

describe('lintRepo', () => {
  it('lints every stack folder that has a compose file', async () => {
    await stack('one', { 'docker-compose.yml': 'services:\n  x:\n    image: nginx:latest\n', '.env.sample': '' });
    await stack('two', { 'docker-compose.yml': good, '.env.sample': 'TZ=UTC\nDOMAIN=x\n' });
    await stack('notes', { 'README.md': '# not a stack' });
    expect((await lintRepo(root)).map((f) => `${f.stack}:${f.rule}`)).toEqual(['one:pinned-image']);
  });
});

/** A seed-shaped repo: Traefik with its dashboard on `api@internal`, gluetun (its image has a healthcheck), sonarr behind Traefik. */
const traefikStack = (command: string): string => `services:
  traefik:
    image: traefik:v3.1.2
${command}    restart: unless-stopped
    ports: ["443:443"]
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - ./traefik.yml:/etc/traefik/traefik.yml:ro
    networks: [proxy]
    healthcheck:
      test: ["CMD", "traefik", "healthcheck"]
    labels:
      - traefik.enable=true
      - traefik.http.routers.dashboard.rule=Host(\`traefik.\${DOMAIN}\`)
      - traefik.http.routers.dashboard.entrypoints=websecure
      - traefik.http.routers.dashboard.service=api@internal
networks:
  proxy:
    external: true
`;
const vpnStack = `services:
  gluetun:
    image: qmcgaw/gluetun:v3.39.0
    restart: unless-stopped
    cap_add: [NET_ADMIN]
    networks: [proxy]
  qbittorrent:
    image: lscr.io/linuxserver/qbittorrent:4.6.5
    restart: unless-stopped
    network_mode: service:gluetun
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8080"]
networks:
  proxy:
    external: true
`;
const mediaStack = `services:
  sonarr:
    image: lscr.io/linuxserver/sonarr:4.0.9
    restart: unless-stopped
    networks: [proxy]
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8989/ping"]
    labels:
      - traefik.enable=true
      - traefik.http.routers.sonarr.rule=Host(\`sonarr.\${DOMAIN}\`)
      - traefik.http.routers.sonarr.entrypoints=websecure
      - traefik.http.services.sonarr.loadbalancer.server.port=8989
networks:
  proxy:
    external: true
`;

async function seedRepo(options: { command?: string; staticConfig?: string; lintConfig?: string }): Promise<void> {
  await stack('infra-core', {
    'docker-compose.yml': traefikStack(options.command ?? ''),
    '.env.sample': 'DOMAIN=home.lan\n',
    'traefik.yml': options.staticConfig ?? 'providers:\n  docker:\n    exposedByDefault: false\n',
  });
  await stack('vpn', { 'docker-compose.yml': vpnStack, '.env.sample': '' });
  await stack('media', { 'docker-compose.yml': mediaStack, '.env.sample': 'DOMAIN=home.lan\n' });
  if (options.lintConfig !== undefined) await writeFile(join(root, '.homelab-bot-lint.yml'), options.lintConfig);
}

const summary = (findings: readonly { stack: string; service: string | null; rule: string; message: string }[]) =>
  findings.map((f) => `${f.stack}/${f.service ?? ''} ${f.rule}: ${f.message}`);

describe('lintRepo on a seed-shaped repo (Traefik conventions, image healthchecks, lint config)', () => {
  const globalFlag = '    command:\n      - --providers.docker.network=proxy\n      - --api.dashboard=true\n';

  it('with Traefik setting providers.docker.network globally, reports none of the three false positives', async () => {
    await seedRepo({ command: globalFlag, lintConfig: 'imagesWithHealthcheck:\n  - qmcgaw/gluetun\n' });
    expect(summary(await lintRepo(root))).toEqual([]);
  });

  it('reads the global network from the static config file and the image healthcheck from the hosts', async () => {
    await seedRepo({ staticConfig: 'providers:\n  docker:\n    network: proxy\n    exposedByDefault: false\n' });
    expect(summary(await lintRepo(root, 'stacks', new Set(['qmcgaw/gluetun:v3.39.0'])))).toEqual([]);
  });

  it('still reports a real missing network where no global default exists, saying why and how to silence it', async () => {
    await seedRepo({});
    const findings = await lintRepo(root);
    expect(summary(findings)).toEqual([
      'infra-core/traefik traefik-labels: HTTP-exposed service lacks `traefik.docker.network`',
      'media/sonarr traefik-labels: HTTP-exposed service lacks `traefik.docker.network`',
      'vpn/gluetun healthcheck: long-running service (restart: unless-stopped) has no healthcheck',
    ]);
    const network = findings.find((f) => f.service === 'sonarr');
    expect(network?.why).toContain('Traefik sets no global `providers.docker.network`');
    expect(network?.silence).toContain(
      'add `- { rule: traefik-labels, stack: media, service: sonarr }` under `ignore:` in .homelab-bot-lint.yml',
    );
    expect(findings.find((f) => f.service === 'gluetun')?.fix).toContain('imagesWithHealthcheck');
    // The dashboard router serves api@internal: no service-port finding even without a global network.
    expect(summary(findings).some((l) => l.includes('loadbalancer.server.port'))).toBe(false);
  });

  it('silences findings listed in .homelab-bot-lint.yml and reports a malformed lint config', async () => {
    await seedRepo({
      lintConfig: 'rules:\n  healthcheck: off\nignore:\n  - rule: traefik-labels\n    stack: media\n',
    });
    expect(summary(await lintRepo(root))).toEqual([
      'infra-core/traefik traefik-labels: HTTP-exposed service lacks `traefik.docker.network`',
    ]);
    await writeFile(join(root, '.homelab-bot-lint.yml'), 'rulez: {}\n');
    expect(summary(await lintRepo(root))[0]).toContain('unknown key `rulez`');
  });
});
