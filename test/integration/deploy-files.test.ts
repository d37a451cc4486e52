import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBinary, requireService } from '../../lab/require-service.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

describe('deploy files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hlb-deploy-'));
    await copyFile(join(root, 'docker-compose.yml'), join(dir, 'docker-compose.yml'));
    await copyFile(join(root, '.env.sample'), join(dir, '.env'));
    await copyFile(join(root, 'config.example.yaml'), join(dir, 'config.yaml'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('docker-compose accepts docker-compose.yml and resolves redis, bot and worker', async () => {
    await requireService('docker-compose', () => hasBinary('docker-compose'));
    const { stdout } = await run('docker-compose', ['config'], { cwd: dir });
    for (const service of ['redis:', 'bot:', 'worker:']) expect(stdout).toContain(service);
    expect(stdout).toMatch(/config\.yaml:\/config\/config\.yaml:ro/);
    expect(stdout).toMatch(/:\/keys:ro/);
    expect(stdout).toContain('redis-cli');
    // The README's deploy: data volume, TZ, a port that is not qBittorrent's 8080, no Slack port by default.
    expect(stdout).toMatch(/data:\/data/);
    expect(stdout).toMatch(/TZ: UTC/);
    expect(stdout).toMatch(/published: 8780|8780:8780/);
    expect(stdout).not.toMatch(/8080|3000/);
  });

  it('the Slack HTTP override adds its events port to the bot only', async () => {
    await requireService('docker-compose', () => hasBinary('docker-compose'));
    await copyFile(join(root, 'docker-compose.slack-http.yml'), join(dir, 'docker-compose.slack-http.yml'));
    const { stdout } = await run(
      'docker-compose',
      ['-f', 'docker-compose.yml', '-f', 'docker-compose.slack-http.yml', 'config'],
      { cwd: dir },
    );
    expect(stdout).toMatch(/published: 3000|3000:3000/);
    expect(stdout).toMatch(/published: 8780|8780:8780/);
  });

  it('docker-compose rejects a broken variant of it (the check above can fail)', async () => {
    await requireService('docker-compose', () => hasBinary('docker-compose'));
    const broken = (await readFile(join(dir, 'docker-compose.yml'), 'utf8')).replace(
      '  worker:\n',
      '  worker:\n    restart: 12\n',
    );
    await writeFile(join(dir, 'broken.yml'), broken);
    await expect(run('docker-compose', ['-f', 'broken.yml', 'config'], { cwd: dir })).rejects.toThrow(/restart/);
  });

  it('the build context holds only what the Dockerfile copies: no node_modules, .env or config.yaml', async () => {
    const ignore = (await readFile(join(root, '.dockerignore'), 'utf8'))
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    const dockerfile = await readFile(join(root, 'Dockerfile'), 'utf8');
    expect(ignore[0]).toBe('*');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => (m[1] ?? '').split(' '));
    expect(copied.length).toBeGreaterThan(3);
    for (const source of copied) expect(allowed).toContain(source);
    for (const secret of ['.env', 'config.yaml', 'node_modules', 'ssh']) expect(allowed).not.toContain(secret);
  });

  it('Node 24 LTS everywhere: both Dockerfile stages pinned, engines, @types/node and setup-debian.sh', async () => {
    const dockerfile = await readFile(join(root, 'Dockerfile'), 'utf8');
    const bases = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(bases).toEqual([
      expect.stringMatching(/^node:24\.\d+\.\d+-bookworm-slim$/),
      expect.stringMatching(/^node:24\.\d+\.\d+-bookworm-slim$/),
    ]);
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      engines: { node: string };
      devDependencies: Record<string, string>;
    };
    expect(pkg.engines.node).toMatch(/^>=24\./);
    expect(pkg.devDependencies['@types/node']).toMatch(/^24\./);
    const setup = await readFile(join(root, 'scripts/setup-debian.sh'), 'utf8');
    const pinned = /node_version=(24\.\d+\.\d+)/.exec(setup)?.[1];
    expect(bases[0]).toBe(`node:${pinned ?? '?'}-bookworm-slim`);
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('the Dockerfile is multi-stage, runs as a non-root user and has a healthcheck', async () => {
    const dockerfile = await readFile(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER (?!root)\w+/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*healthcheck/m);
    // /catalog PNGs in the image: the one-file Mermaid bundle is kept after pruning dev dependencies,
    // and Chromium is an opt-in build argument.
    expect(dockerfile).toContain('cp node_modules/mermaid/dist/mermaid.min.js vendor/');
    expect(dockerfile).toMatch(/MERMAID_BUNDLE=\/app\/vendor\/mermaid\.min\.js/);
    expect(dockerfile).toMatch(
      /ARG WITH_CHROMIUM=false[\s\S]*WITH_CHROMIUM" = "true" \]; then apt-get install [^\n]*chromium/,
    );
  });
});
