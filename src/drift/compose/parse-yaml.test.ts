import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appConfigSchema } from '../../config/schema.js';
import { loadStack } from '../load-stack.js';
import { parseComposeYaml } from './parse-yaml.js';

/** One service with `n` environment entries (the shape that used to take seconds per MB). */
function bigEnvCompose(n: number): string {
  const lines = ['services:', '  app:', '    image: nginx:1.27', '    environment:'];
  for (let i = 0; i < n; i++) lines.push(`      KEY_${i}: value-${i}`);
  return `${lines.join('\n')}\n`;
}

describe('parseComposeYaml', () => {
  it('refuses a 5 MB file under the default 2 MB limit, saying its size and the setting', () => {
    const text = bigEnvCompose(200_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(5 * 1024 * 1024);
    const parsed = parseComposeYaml(text);
    expect(parsed).toEqual({
      ok: false,
      line: 0,
      col: 0,
      message:
        'the file is 5.7 MB, over the 2 MB limit for one compose file (raise limits.composeFileSize in config.yaml if this file is really meant to be that large)',
    });
  });

  it('parses a large map under the limit completely', () => {
    const parsed = parseComposeYaml(bigEnvCompose(40_000));
    expect(parsed.ok).toBe(true);
    const env = (parsed as { value: { services: { app: { environment: Record<string, string> } } } }).value.services.app
      .environment;
    expect(Object.keys(env)).toHaveLength(40_000);
    expect(env['KEY_39999']).toBe('value-39999');
  });

  it('still reports a repeated key with its line and column', () => {
    const parsed = parseComposeYaml('services:\n  a:\n    image: x\n    image: y\n');
    expect(parsed).toEqual({ ok: false, line: 4, col: 5, message: 'Map keys must be unique; "image" is repeated' });
  });

  it('reports too many alias expansions as bad input instead of throwing', () => {
    const lines = ['x: &a {k: v}', 'services:'];
    for (let i = 0; i < 1_200; i++) lines.push(`  s${i}: {<<: *a, image: i}`);
    const parsed = parseComposeYaml(lines.join('\n'));
    expect(parsed.ok).toBe(false);
  });
});

describe('limits.composeFileSize', () => {
  it('accepts sizes like 512KB and plain byte counts, and names what is accepted otherwise', () => {
    expect(appConfigSchema.parse({ limits: { composeFileSize: '512KB' } }).limits.composeFileSize).toBe(524_288);
    expect(appConfigSchema.parse({ limits: { composeFileSize: 1000 } }).limits.composeFileSize).toBe(1000);
    expect(appConfigSchema.parse({}).limits.composeFileSize).toBe(2 * 1024 * 1024);
    const result = appConfigSchema.safeParse({ limits: { composeFileSize: 'big' } });
    expect(result.error?.issues[0]?.message).toBe('expected a size like 2MB, 512KB or 3000000 (bytes)');
  });

  it('makes loadStack report the oversized file by name, unparsed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hlb-compose-size-'));
    try {
      await writeFile(join(dir, 'docker-compose.yml'), bigEnvCompose(2_000));
      const loaded = await loadStack({ stackDir: dir, endpoint: null, maxComposeBytes: 10_000 });
      expect(loaded).toMatchObject({ ok: false, file: 'docker-compose.yml' });
      expect(loaded.ok ? '' : loaded.message).toContain('over the 9.8 KB limit for one compose file');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
