import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** `shared/contracts/<file>` in the nearest ancestor that has it (the repo, or a worktree of it). */
function findContract(file: string, from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'contracts', file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(from, '..', '..', '..', '..', 'shared', 'contracts', file);
  }
}

/** The upstream description, read in place (never copied into the project). */
export const OVERSEERR_SPEC_PATH = findContract('overseerr-api.yml');

interface Spec {
  readonly paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
  readonly components: object;
}

/** Checks a response body against the schema of `method template status`; returns violations (empty = valid). */
export type ResponseChecker = (method: string, template: string, status: number, body: unknown) => string[];

/**
 * Compiles response schemas on demand. Statuses the spec does not document (202/403/409 on
 * `POST /request`, 4xx everywhere) are reported as `undocumented` by the caller, not as violations.
 */
export function createResponseChecker(specPath: string = OVERSEERR_SPEC_PATH): { check: ResponseChecker; documented: (m: string, t: string, s: number) => boolean } {
  const spec = parse(readFileSync(specPath, 'utf8')) as Spec;
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  const compiled = new Map<string, ValidateFunction>();
  const schemaOf = (m: string, t: string, s: number) => spec.paths[t]?.[m.toLowerCase()]?.responses?.[String(s)]?.content?.['application/json']?.schema;
  return {
    documented: (m, t, s) => schemaOf(m, t, s) !== undefined,
    check: (method, template, status, body) => {
      const key = `${method} ${template} ${status}`;
      let validate = compiled.get(key);
      if (validate === undefined) {
        const schema = schemaOf(method, template, status);
        if (schema === undefined) return [];
        validate = ajv.compile({ ...schema, components: spec.components });
        compiled.set(key, validate);
      }
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '/'} ${e.message ?? ''}`);
    },
  };
}
