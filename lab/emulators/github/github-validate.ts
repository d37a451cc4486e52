import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** The committed cut of GitHub's OpenAPI description (regenerate with extract-openapi-subset.ts). */
export const GITHUB_SPEC_PATH = join(import.meta.dirname, 'github-openapi-subset.json');

interface Response {
  readonly $ref?: string;
  readonly content?: Record<string, { schema?: object }>;
}
/** The parts of the fixture the emulator reads. */
export interface GitHubSpec {
  readonly paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  readonly components: {
    responses?: Record<string, Response>;
    examples?: Record<string, { value: unknown }>;
    schemas?: Record<string, object>;
  };
}

/** Violations of one response (empty = valid); `undocumented` when the operation does not list the status. */
export interface ResponseVerdict {
  readonly violations: readonly string[];
  readonly undocumented: boolean;
}

/** Checks `(method, template, status, body)` against the fixture; compiles each schema once. */
export type GitHubResponseChecker = (
  method: string,
  template: string,
  status: number,
  body: unknown,
) => ResponseVerdict;

export const loadGitHubSpec = (path: string = GITHUB_SPEC_PATH): GitHubSpec =>
  JSON.parse(readFileSync(path, 'utf8')) as GitHubSpec;

/**
 * Ajv over the fixture (Ajv 8 understands OpenAPI's `nullable`). A status the operation does not
 * document is checked against `basic-error` (GitHub's global 403/429/5xx shape) and flagged.
 */
export function createGitHubChecker(spec: GitHubSpec = loadGitHubSpec()): GitHubResponseChecker {
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true, logger: false }));
  ajv.addFormat('repo.nwo', true);
  ajv.addSchema({ $id: 'gh', components: spec.components });
  const compiled = new Map<string, ValidateFunction | null>();
  const compile = (schema: object): ValidateFunction =>
    ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"gh#/components/')) as object);
  const schemaOf = (method: string, template: string, status: number): object | null | undefined => {
    let response = spec.paths[template]?.[method.toLowerCase()]?.responses[String(status)];
    if (response === undefined) return undefined;
    if (response.$ref !== undefined) response = spec.components.responses?.[response.$ref.split('/').pop() ?? ''];
    return response?.content?.['application/json']?.schema ?? null;
  };
  return (method, template, status, body) => {
    const key = `${method.toUpperCase()} ${template} ${status}`;
    const documented = schemaOf(method, template, status);
    if (!compiled.has(key)) {
      const schema =
        documented === undefined ? (status >= 400 ? { $ref: '#/components/schemas/basic-error' } : null) : documented;
      compiled.set(key, schema === null ? null : compile(schema));
    }
    const validate = compiled.get(key) ?? null;
    const undocumented = documented === undefined;
    if (validate === null) {
      const empty = body === undefined || body === null || body === '';
      return { violations: empty || !undocumented ? [] : [`${key}: undocumented status with a body`], undocumented };
    }
    if (validate(body)) return { violations: [], undocumented };
    return {
      violations: (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '/'} ${e.message ?? ''}`),
      undocumented,
    };
  };
}
