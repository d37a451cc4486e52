import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareService, DEFAULT_IGNORED_LABELS } from './compare.js';
import { loadStack } from './load-stack.js';
import type { ExpectedService, ImageDefaults, ObservedContainer } from './model.js';
import { planEdits } from './remediate/field-edit.js';
import { serviceSides } from './service-sides.js';

const noImage: ImageDefaults = {
  env: new Map(),
  labels: new Map(),
  cmd: null,
  entrypoint: null,
  user: null,
  workingDir: null,
  healthcheck: null,
  volumes: new Set(),
};
const compose = `services:
  app:
    image: busybox:1.36.1
    environment:
      TZ: Europe/Berlin
      CONN: "user:\${APP_DB_PASS}"
      WG_REF: \${WIREGUARD_PRIVATE_KEY}
      N8N_ENCRYPTION_KEY: literal-n8n-0001
      TOKEN_TTL: "3600"
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hlb-secret-drift-'));
  await writeFile(join(dir, 'docker-compose.yml'), compose);
  await writeFile(join(dir, '.env'), 'APP_DB_PASS=git-env-pass-0001\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(): Promise<{ exp: ExpectedService; secrets: readonly string[] }> {
  const loaded = await loadStack({ stackDir: dir, endpoint: null });
  if (!loaded.ok) throw new Error(loaded.message);
  return { exp: loaded.services[0]!, secrets: loaded.secretValues ?? [] };
}

function running(exp: ExpectedService, env: Record<string, string>): ObservedContainer {
  return {
    id: 'x',
    name: 'app-1',
    project: exp.project,
    service: 'app',
    oneoff: false,
    state: 'running',
    workingDir: null,
    configFiles: null,
    model: { ...exp.model, environment: new Map(Object.entries(env)) },
    imageDefaults: noImage,
  };
}

const live = {
  TZ: 'UTC',
  CONN: 'user:live-pass-0002',
  WG_REF: 'wg-live-private-0003',
  N8N_ENCRYPTION_KEY: 'literal-n8n-0002',
  TOKEN_TTL: '7200',
};

describe('secrets in drift (one classifier: name, value, provenance)', () => {
  it('reports each changed secret as a change without its value or length; public values stay readable', async () => {
    const { exp, secrets } = await load();
    expect(secrets).toContain('git-env-pass-0001');
    const items = compareService(exp, running(exp, live), {
      host: 'h',
      bound: new Map(),
      knownSecrets: secrets,
      ignoredLabelPrefixes: DEFAULT_IGNORED_LABELS,
    });
    const byPath = new Map(items.map((i) => [i.path, i]));
    expect(byPath.get('environment.TZ')).toMatchObject({ expected: 'Europe/Berlin', actual: 'UTC' });
    expect(byPath.get('environment.TOKEN_TTL')).toMatchObject({ expected: '3600', actual: '7200' });
    // provenance: CONN is not a secret name, its value came from APP_DB_PASS in .env
    expect(byPath.get('environment.CONN')).toMatchObject({
      kind: 'changed',
      expected: '••••',
      actual: '•••• (changed)',
    });
    expect(byPath.get('environment.N8N_ENCRYPTION_KEY')).toMatchObject({
      kind: 'changed',
      expected: '••••',
      actual: '•••• (changed)',
    });
    // unverifiable (the host .env is unknown): the template, never the container's value
    expect(byPath.get('environment.WG_REF')).toMatchObject({
      severity: 'unverifiable',
      expected: '${WIREGUARD_PRIVATE_KEY}',
      actual: '••••',
    });
    const text = JSON.stringify(items);
    for (const value of ['git-env-pass-0001', 'live-pass-0002', 'wg-live-private-0003', 'literal-n8n-000'])
      expect(text).not.toContain(value);
  });

  it('masks the same values in the service diff sides', async () => {
    const { exp, secrets } = await load();
    const sides = serviceSides('h', exp, running(exp, live), secrets);
    const text = JSON.stringify(sides);
    for (const value of ['git-env-pass-0001', 'live-pass-0002', 'wg-live-private-0003', 'literal-n8n-000'])
      expect(text).not.toContain(value);
    expect(sides.actual?.['environment.TZ']).toBe('UTC');
    expect(sides.actual?.['environment.WG_REF']).toBe('•••• (changed)');
  });

  it('writes a literal only for public values, ${VAR} for everything else', async () => {
    const { exp, secrets } = await load();
    const items = compareService(exp, running(exp, live), {
      host: 'h',
      bound: new Map(),
      knownSecrets: secrets,
      ignoredLabelPrefixes: DEFAULT_IGNORED_LABELS,
    });
    const opaque = {
      host: 'h',
      stack: 's',
      service: 'app',
      kind: 'added' as const,
      path: 'environment.SOME_OPAQUE',
      severity: 'functional' as const,
      expected: null,
      actual: 'q8Zt3xLm9Vw2Rk7Pn4Hs6Jd1Fb5Gc0Ye',
    };
    const edits = new Map(
      planEdits([...items, opaque], secrets).flatMap((p) =>
        'edit' in p && p.edit.kind === 'entry' ? [[p.edit.key, p.edit.value]] : [],
      ),
    );
    expect(edits.get('TZ')).toBe('UTC');
    expect(edits.get('TOKEN_TTL')).toBe('7200');
    expect(edits.get('CONN')).toBe('${CONN}');
    expect(edits.get('N8N_ENCRYPTION_KEY')).toBe('${N8N_ENCRYPTION_KEY}');
    expect(edits.get('SOME_OPAQUE')).toBe('${SOME_OPAQUE}');
  });
});
