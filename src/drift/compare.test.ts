import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareService, DEFAULT_IGNORED_LABELS, type CompareContext } from './compare.js';
import { loadStack } from './load-stack.js';
import type { ExpectedService, ImageDefaults, ObservedContainer, ServiceModel } from './model.js';

const stackDir = fileURLToPath(new URL('../../test/fixtures/compose/envfile', import.meta.url));
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
const ctx = (): CompareContext => ({
  host: 'h',
  bound: new Map(),
  knownSecrets: [],
  ignoredLabelPrefixes: DEFAULT_IGNORED_LABELS,
});

async function expected(): Promise<ExpectedService> {
  const loaded = await loadStack({ stackDir, endpoint: null });
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.services[0]!;
}

function observe(exp: ExpectedService, change: Partial<ServiceModel>): ObservedContainer {
  const model: ServiceModel = {
    ...exp.model,
    image: { repo: 'registry.home.lan:5000/app', tag: '2.1', digest: '' },
    environment: new Map([
      ['LOG_LEVEL', 'info'],
      ['FROM_ENV_FILE', 'overridden'],
    ]),
    labels: new Map([
      ['homepage.href', 'http://app.lan:8080'],
      ['homepage.name', 'app.lan'],
    ]),
    ...change,
  };
  return {
    id: 'x',
    name: 'envfile-app-1',
    project: 'envfile',
    service: 'app',
    oneoff: false,
    state: 'running',
    workingDir: null,
    configFiles: null,
    model,
    imageDefaults: noImage,
  };
}

describe('compareService with unknown variables and env files', () => {
  it('reads env_file from git, lets environment win, and marks the unreadable one opaque', async () => {
    const exp = await expected();
    expect(exp.model.environment.get('LOG_LEVEL')).toBe('info');
    expect(exp.model.environment.get('FROM_ENV_FILE')).toBe('overridden');
    expect(exp.opaqueEnv).toBe(true);
  });

  it('reports values built from unknown variables as unverifiable when they match consistently', async () => {
    const exp = await expected();
    const items = compareService(exp, observe(exp, {}), ctx());
    expect(items.map((i) => [i.path, i.severity])).toEqual([
      ['image.tag', 'unverifiable'],
      ['labels.homepage.href', 'unverifiable'],
      ['labels.homepage.name', 'unverifiable'],
    ]);
  });

  it('reports real drift when one variable would need two different values', async () => {
    const exp = await expected();
    const labels = new Map([
      ['homepage.href', 'http://app.lan:8080'],
      ['homepage.name', 'other.lan'],
    ]);
    const items = compareService(exp, observe(exp, { labels }), ctx());
    expect(items.find((i) => i.path === 'labels.homepage.name')).toMatchObject({
      kind: 'changed',
      severity: 'functional',
      expected: '${APP_HOST}',
      actual: 'other.lan',
    });
  });

  it('reports a template mismatch in the literal part as drift', async () => {
    const exp = await expected();
    const labels = new Map([
      ['homepage.href', 'https://app.lan:9090'],
      ['homepage.name', 'app.lan'],
    ]);
    const items = compareService(exp, observe(exp, { labels }), ctx());
    expect(items.find((i) => i.path === 'labels.homepage.href')).toMatchObject({
      kind: 'changed',
      severity: 'functional',
    });
  });

  it('treats extra env keys as unverifiable when an env_file is not in git', async () => {
    const exp = await expected();
    const environment = new Map([
      ['LOG_LEVEL', 'info'],
      ['FROM_ENV_FILE', 'overridden'],
      ['DB_HOST', 'db'],
    ]);
    const items = compareService(exp, observe(exp, { environment }), ctx());
    expect(items.find((i) => i.path === 'environment.DB_HOST')).toMatchObject({
      kind: 'added',
      severity: 'unverifiable',
    });
  });
});
