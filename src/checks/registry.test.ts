import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFactories } from './registry.js';

const folder = dirname(fileURLToPath(import.meta.url));
const checkFiles = readdirSync(folder).filter((f) => f.endsWith('-check.ts'));
const camel = (file: string): string =>
  file.replace(/\.ts$/, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Check files whose factory is not in the registry. */
const unregistered = (files: readonly string[], registry: Readonly<Record<string, unknown>>): string[] =>
  files.filter((f) => !Object.hasOwn(registry, camel(f)));

/** Registry entries that `buildChecks` (its source) never calls, so their checks never run. */
const neverBuilt = (source: string, registry: Readonly<Record<string, unknown>>): string[] =>
  Object.keys(registry).filter((name) => !new RegExp(`checks\\.${name}\\b`).test(source));

describe('health check registry conformance', () => {
  const buildSource = readFileSync(join(folder, 'build-checks.ts'), 'utf8');

  it('registers the factory of every *-check.ts file', () => {
    expect(checkFiles.length).toBeGreaterThanOrEqual(12);
    expect(unregistered(checkFiles, checkFactories)).toEqual([]);
  });

  it('builds every registered check in buildChecks, and only through the registry', () => {
    expect(neverBuilt(buildSource, checkFactories)).toEqual([]);
    expect(buildSource).not.toMatch(/import \{ \w+Check[,} ].*from '\.\/[\w-]+-check\.js'/);
  });

  it('fails for a check file that is not registered or never built', () => {
    expect(unregistered([...checkFiles, 'disk-space-check.ts'], checkFactories)).toEqual(['disk-space-check.ts']);
    expect(neverBuilt(buildSource, { ...checkFactories, diskSpaceCheck: () => undefined })).toEqual(['diskSpaceCheck']);
  });
});
