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
