import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBinary, requireService } from '../lab/require-service.js';

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
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('docker-compose accepts docker-compose.yml and resolves redis, bot and worker', async () => {
    await requireService('docker-compose', () => hasBinary('docker-compose'));
    const { stdout } = await run('docker-compose', ['config'], { cwd: dir });
    for (const service of ['redis:', 'bot:', 'worker:']) expect(stdout).toContain(service);
    expect(stdout).toMatch(/config\.yaml:\/config\/config\.yaml:ro/);
    expect(stdout).toMatch(/:\/keys:ro/);
    expect(stdout).toContain('redis-cli');
  });

  it('docker-compose rejects a broken variant of it (the check above can fail)', async () => {
    await requireService('docker-compose', () => hasBinary('docker-compose'));
    const broken = (await readFile(join(dir, 'docker-compose.yml'), 'utf8')).replace('  worker:\n', '  worker:\n    restart: 12\n');
    await writeFile(join(dir, 'broken.yml'), broken);
    await expect(run('docker-compose', ['-f', 'broken.yml', 'config'], { cwd: dir })).rejects.toThrow(/restart/);
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
    expect(dockerfile).toMatch(/ARG WITH_CHROMIUM=false[\s\S]*WITH_CHROMIUM" = "true" \]; then apt-get install [^\n]*chromium/);
  });
});
