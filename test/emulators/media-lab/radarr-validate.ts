import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** Radarr's OpenAPI description, read in place. */
const RADARR_SPEC_PATH = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'contracts', 'radarr-v3-openapi.json');

interface Spec {
  readonly paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
  readonly components: object;
}

/** OpenAPI 3.0 `nullable` → JSON Schema (ajv rejects `nullable` next to a `$ref`). */
function fromOpenApi(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fromOpenApi);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, fromOpenApi(v)]));
  if (nullable !== true) return converted;
  return { anyOf: [converted, { type: 'null' }] };
}

/** Returns violations of a 200 reply against `method template` (e.g. `GET /api/v3/movie/{id}`). */
export function radarrChecker(): (method: string, template: string, body: unknown) => string[] {
  const spec = fromOpenApi(JSON.parse(readFileSync(RADARR_SPEC_PATH, 'utf8'))) as Spec;
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  // .NET TimeSpan text ("00:01:30"), a Radarr-specific format.
  ajv.addFormat('date-span', /^(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d+)?$/);
  const compiled = new Map<string, ValidateFunction>();
  return (method, template, body) => {
    const key = `${method} ${template}`;
    let validate = compiled.get(key);
    if (validate === undefined) {
      const schema = spec.paths[template]?.[method.toLowerCase()]?.responses?.['200']?.content?.['application/json']?.schema;
      if (schema === undefined) return [`${key}: not in the Radarr spec`];
      validate = ajv.compile({ ...schema, components: spec.components });
      compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '/'} ${e.message ?? ''}`);
  };
}
