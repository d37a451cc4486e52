import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { features, jobSpecs } from './commands/registry.js';

const src = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.split('\\').join('/'));

/** Runtime imports of a file (type-only imports are erased and cannot form a runtime cycle). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  const specs = [
    ...text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gms),
    ...text.matchAll(/import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g),
    ...text.matchAll(/^import\s+'(\.{1,2}\/[^']+)'/gm),
  ].map((m) => m[1] ?? '');
  return specs.map((s) =>
    relative(src, resolve(src, dirname(file), s))
      .split('\\')
      .join('/')
      .replace(/\.js$/, '.ts'),
  );
}

const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const meta = new Map<string, { index: number; low: number; onStack: boolean }>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    const m = { index, low: index, onStack: true };
    meta.set(v, m);
    index += 1;
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      const mw = meta.get(w);
      if (mw === undefined) {
        visit(w);
        m.low = Math.min(m.low, meta.get(w)?.low ?? m.low);
      } else if (mw.onStack) m.low = Math.min(m.low, mw.index);
    }
    if (m.low !== m.index) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      const mw = meta.get(w);
      if (mw !== undefined) mw.onStack = false;
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of edges.keys()) if (!meta.has(v)) visit(v);
  return found;
}

const featureOf = (file: string): string | undefined => /^commands\/([^/]+)\//.exec(file)?.[1];

/** Imports of another feature's internals (anything but its `index.ts`), from outside that feature. */
function featureLeaks(edges: ReadonlyMap<string, readonly string[]>): string[] {
  return [...edges].flatMap(([from, targets]) =>
    targets
      .filter((t) => featureOf(t) !== undefined && featureOf(t) !== featureOf(from) && !t.endsWith('/index.ts'))
      .map((t) => `${from} → ${t}`),
  );
}

describe('architecture', () => {
  it('has no import cycle in src/', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(
      cycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', ['a.ts']],
          ['d.ts', ['a.ts']],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('reaches a feature only through its index.ts from outside the feature', () => {
    expect(featureLeaks(graph)).toEqual([]);
    expect(
      featureLeaks(new Map([['app/x.ts', ['commands/drift/drift-processors.ts', 'commands/drift/index.ts']]])),
    ).toEqual(['app/x.ts → commands/drift/drift-processors.ts']);
  });

  it('keeps the ground floor (src/chat, errors.ts) free of imports from above it', () => {
    const ground = [...graph].filter(([f]) => f.startsWith('chat/') || f === 'errors.ts');
    expect(ground.length).toBeGreaterThan(3);
    expect(
      ground.flatMap(([f, targets]) => targets.filter((t) => !t.startsWith('chat/')).map((t) => `${f} → ${t}`)),
    ).toEqual([]);
  });

  it('keeps src/jobs generic: no feature, job or schedule name in its code', () => {
    const names = [...Object.keys(jobSpecs), ...features.map((f) => f.name)];
    const named = (literal: string): boolean =>
      names.some((n) => literal === n || literal.startsWith(`${n}-`) || literal.startsWith(`${n}.`));
    const literals = (text: string): string[] =>
      // Comments and indexed access types (`Report['status']`) are not names.
      [
        ...text
          .replace(/^\s*(?:\/\/|\*|\/\*).*$/gm, '')
          .replace(/\w\['[^'\n]*'\]/g, '')
          .matchAll(/'([^'\n]*)'|`([^`\n]*)`/g),
      ].map((m) => m[1] ?? m[2] ?? '');
    const leaks = files
      .filter((f) => f.startsWith('jobs/'))
      .flatMap((f) =>
        literals(readFileSync(join(src, f), 'utf8'))
          .filter(named)
          .map((l) => `${f}: '${l}'`),
      );
    expect(names).toContain('drift.audit');
    expect(literals("const ids = { driftAudit: 'drift-audit', health: 'health' };").filter(named)).toEqual([
      'drift-audit',
      'health',
    ]);
    expect(leaks).toEqual([]);
  });

  it('constructs real connections only in the composition roots (src/app, src/cli, main.ts)', () => {
    const leaks = factoryImports(files.filter((f) => !isRoot(f)));
    expect(leaks).toEqual([]);
    expect(isRoot('app/real-adapters.ts') && isRoot('cli/job-commands.ts') && isRoot('main.ts')).toBe(true);
    // Caught however it is imported: the factory's own file, or a folder index re-exporting it.
    expect(
      factoryImports(['drift/cli-audit.ts', 'checks/cli-health.ts'], {
        'drift/cli-audit.ts': "import { connectDockerHost } from '../infra/docker-over-ssh.js';",
        'checks/cli-health.ts':
          "import { connectDockerHost } from '../infra/index.js';\nimport { connectCluster } from '../k8s/connect-cluster.js';",
      }),
    ).toEqual([
      'drift/cli-audit.ts → connectDockerHost',
      'checks/cli-health.ts → connectDockerHost',
      'checks/cli-health.ts → connectCluster',
    ]);
  });
});

/** The factories of real adapters (SSH/Docker, Kubernetes, forges), by the file that defines each. */
const factories: Readonly<Record<string, string>> = {
  connectDockerHost: 'infra/docker-over-ssh.ts',
  connectCluster: 'k8s/connect-cluster.ts',
  createForge: 'forge/create-forge.ts',
};
const isRoot = (f: string): boolean => f.startsWith('app/') || f.startsWith('cli/') || f === 'main.ts';

/** `file → factory` for each factory a file imports by name from outside the factory's own folder. */
function factoryImports(list: readonly string[], texts: Readonly<Record<string, string>> = {}): string[] {
  return list.flatMap((f) => {
    const text = texts[f] ?? readFileSync(join(src, f), 'utf8');
    const named = [...text.matchAll(/^import\s+\{([^}]*)\}\s+from\s+'(\.{1,2}\/[^']+)'/gm)].flatMap((m) =>
      (m[1] ?? '').split(',').map((n) => ({ name: n.trim().split(/\s+/)[0] ?? '', from: m[2] ?? '' })),
    );
    return named
      .filter(({ name, from }) => {
        const home = factories[name];
        if (home === undefined) return false;
        const target = relative(src, resolve(src, dirname(f), from))
          .split('\\')
          .join('/');
        return dirname(target) === dirname(home) && dirname(f) !== dirname(home);
      })
      .map(({ name }) => `${f} → ${name}`);
  });
}
