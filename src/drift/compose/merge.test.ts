import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeCompose } from './merge.js';
import type { YamlMap } from './merge-helpers.js';
import { parseComposeYaml } from './parse-yaml.js';

const dir = new URL('../../../test/fixtures/compose/merge/', import.meta.url);
const load = (name: string): YamlMap => {
  const parsed = parseComposeYaml(readFileSync(new URL(name, dir), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value as YamlMap;
};
const app = (merged: YamlMap): YamlMap => (merged.services as Record<string, YamlMap>).app!;

describe('mergeCompose', () => {
  const base = load('docker-compose.yml');

  it('appends ports with a different key instead of replacing them', () => {
    expect(app(mergeCompose(base, load('docker-compose.ovr.yml'))).ports).toEqual(['8080:80', '127.0.0.1:9090:90']);
  });

  it('overrides environment keys and keeps the others', () => {
    expect(app(mergeCompose(base, load('docker-compose.ovr.yml'))).environment).toEqual({
      A: 'base',
      B: 'override',
      C: 'new',
    });
  });

  it('replaces command and healthcheck.test, keeps other healthcheck fields', () => {
    const svc = app(mergeCompose(base, load('docker-compose.ovr.yml')));
    expect(svc.command).toEqual(['run', '--override']);
    expect(svc.healthcheck).toEqual({ test: ['CMD', 'false'], interval: '10s' });
  });

  it('replaces a volume with the same target in place', () => {
    expect(app(mergeCompose(base, load('docker-compose.ovr.yml'))).volumes).toEqual(['./b:/data', 'logs:/logs']);
  });

  it('clears a field tagged !reset', () => {
    const svc = app(mergeCompose(base, load('docker-compose.ovr.yml')));
    expect(svc).not.toHaveProperty('labels');
    expect(app(mergeCompose(base, load('docker-compose.reset.yml')))).not.toHaveProperty('dns');
  });

  it('replaces a sequence tagged !override instead of appending', () => {
    expect(app(mergeCompose(base, load('docker-compose.reset.yml'))).ports).toEqual(['127.0.0.1:8080:80']);
  });

  it('resolves << merge keys and keeps scalars textual', () => {
    const parsed = parseComposeYaml('x: &a {retries: 3, v: 1.10}\ny:\n  <<: *a\n  on: yes\n');
    expect(parsed).toEqual({
      ok: true,
      value: { x: { retries: '3', v: '1.10' }, y: { retries: '3', v: '1.10', on: 'yes' } },
    });
  });
});
