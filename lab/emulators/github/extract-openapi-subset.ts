/**
 * Regenerates github-openapi-subset.json: the operations the GitHub emulator serves, cut out of
 * `@octokit/openapi/generated/api.github.com.json` with the transitive `$ref` closure of their
 * responses, plus the examples the emulator builds its objects from.
 * Run: `npx tsx lab/emulators/github/extract-openapi-subset.ts` (needs the dev package only here).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { GITHUB_OPERATIONS, GITHUB_EXAMPLES } from './github-operations.js';

type Node = Record<string, unknown>;
interface Spec {
  info: Node;
  paths: Record<string, Record<string, Node>>;
  components: Record<string, Record<string, unknown>>;
}

const require = createRequire(import.meta.url);
const spec = JSON.parse(
  readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
) as Spec;

const wanted = new Set<string>();
const collectRefs = (value: unknown): void => {
  if (Array.isArray(value)) {
    value.forEach(collectRefs);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/') && !wanted.has(child)) {
      wanted.add(child);
      const [, , kind, name] = child.split('/');
      collectRefs(spec.components[kind ?? '']?.[name ?? '']);
    } else collectRefs(child);
  }
};

const paths: Record<string, Record<string, Node>> = {};
for (const { method, path } of GITHUB_OPERATIONS) {
  const op = spec.paths[path]?.[method];
  if (op === undefined) throw new Error(`${method} ${path} is not in the GitHub description`);
  const slim = { operationId: op['operationId'], responses: op['responses'] };
  collectRefs(slim);
  (paths[path] ??= {})[method] = slim;
}
for (const name of GITHUB_EXAMPLES) collectRefs({ $ref: `#/components/examples/${name}` });
collectRefs({ $ref: '#/components/schemas/basic-error' });

const components: Record<string, Record<string, unknown>> = {};
for (const ref of [...wanted].sort()) {
  const [, , kind = '', name = ''] = ref.split('/');
  (components[kind] ??= {})[name] = spec.components[kind]?.[name];
}
const out = join(import.meta.dirname, 'github-openapi-subset.json');
writeFileSync(out, `${JSON.stringify({ openapi: '3.0.3', info: spec.info, paths, components }, null, 1)}\n`);
console.log(`wrote ${out}: ${GITHUB_OPERATIONS.length} operations, ${wanted.size} components`);
