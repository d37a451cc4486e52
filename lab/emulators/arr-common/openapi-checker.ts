import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

/** `shared/contracts` in the nearest ancestor that has one (works from worktrees too); `CONTRACTS_DIR` overrides. */
export function contractsDir(): string {
  const fromEnv = process.env.CONTRACTS_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'shared', 'contracts'))) return join(dir, 'shared', 'contracts');
  }
  throw new Error('shared/contracts not found above the project (set CONTRACTS_DIR)');
}

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
  parameters?: { in?: string; name?: string; schema?: object }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
}
interface Spec {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: object;
}

/** Validates reply bodies against one OpenAPI 3 document. */
export interface OpenApiChecker {
  /** The spec path template a concrete path matches (`/api/v3/movie/7` → `/api/v3/movie/{id}`). */
  templateOf(method: string, path: string): string | undefined;
  /** Violations of `body` against the JSON schema of `method template status` (none when undocumented). */
  check(method: string, template: string, status: number, body: unknown): string[];
  documented(method: string, template: string, status: number): boolean;
  /**
   * Violations of a request against its operation: each path parameter of `path` against its
   * schema (e.g. the `approve|decline` enum) and the JSON body against `requestBody`.
   */
  checkRequest(method: string, template: string, path: string, body: unknown): string[];
}

/**
 * Servarr's generated specs document 200 for POST-create and PUT, while the controllers answer
 * 201 Created / 202 Accepted with the same body (media-apis.md); those bodies use the 200 schema.
 */
const SERVARR_SAME_BODY_AS_200: ReadonlySet<number> = new Set([201, 202]);

export interface OpenApiCheckerOptions {
  /** Statuses whose undocumented body is checked against the 200 schema (default: Servarr's 201/202; none for Overseerr). */
  readonly sameBodyAs200?: ReadonlySet<number>;
}

/** Ajv refuses OpenAPI's `nullable` without a `type` (Servarr's untyped `Field.value`); such a schema already accepts null. */
function dropUntypedNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const x of node) dropUntypedNullable(x);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if (o.nullable === true && o.type === undefined) delete o.nullable;
  for (const v of Object.values(o)) dropUntypedNullable(v);
}

/**
 * `specFile`: a file name in shared/contracts or an absolute path; `.yml`/`.yaml` are read as YAML
 * (Overseerr), anything else as JSON (Servarr). Schemas compile on first use.
 */
export function createOpenApiChecker(specFile: string, options: OpenApiCheckerOptions = {}): OpenApiChecker {
  const path = isAbsolute(specFile) ? specFile : join(contractsDir(), specFile);
  const text = readFileSync(path, 'utf8');
  const spec = (/\.ya?ml$/.test(path) ? parseYaml(text) : JSON.parse(text)) as Spec;
  const sameBodyAs200 = options.sameBodyAs200 ?? SERVARR_SAME_BODY_AS_200;
  dropUntypedNullable(spec.components);
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  for (const format of ['int32', 'int64', 'double', 'float', 'date-span']) ajv.addFormat(format, true);
  const compiled = new Map<string, ValidateFunction>();
  const templates = Object.keys(spec.paths)
    .map((t) => ({
      t,
      params: (t.match(/\{/g) ?? []).length,
      re: new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`, 'i'),
    }))
    .sort((a, b) => a.params - b.params);
  const schemaOf = (m: string, t: string, s: number) => {
    const responses = spec.paths[t]?.[m.toLowerCase()]?.responses ?? {};
    const response = responses[String(s)] ?? (sameBodyAs200.has(s) ? responses['200'] : undefined);
    return response?.content?.['application/json']?.schema;
  };
  const compile = (key: string, schema: object): ValidateFunction => {
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv.compile({ ...schema, components: spec.components });
      compiled.set(key, validate);
    }
    return validate;
  };
  const errorsOf = (key: string, validate: ValidateFunction): string[] =>
    (validate.errors ?? []).map(
      (e) => `${key}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
  const checkRequest = (method: string, template: string, path: string, body: unknown): string[] => {
    const op = spec.paths[template]?.[method.toLowerCase()];
    if (op === undefined) return [`request ${method} ${template}: not in the spec`];
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    const values = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`).exec(path)?.slice(1) ?? [];
    const out: string[] = [];
    for (const [i, name] of names.entries()) {
      const schema = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
      if (schema === undefined) continue;
      const raw = decodeURIComponent(values[i] ?? '');
      const value = (schema as { type?: string }).type === 'number' ? Number(raw) : raw;
      const key = `request ${method} ${template} path ${name}`;
      const validate = compile(key, schema);
      if (!validate(value)) out.push(...errorsOf(key, validate));
    }
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    if (bodySchema === undefined) return out;
    const key = `request ${method} ${template} body`;
    if (body === undefined) return op.requestBody?.required === true ? [...out, `${key}: required body missing`] : out;
    const validate = compile(key, bodySchema);
    return validate(body) ? out : [...out, ...errorsOf(key, validate)];
  };
  return {
    checkRequest,
    templateOf: (method, path) =>
      templates.find((x) => x.re.test(path) && spec.paths[x.t]?.[method.toLowerCase()] !== undefined)?.t,
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
      return (validate.errors ?? []).map(
        (e) => `${key}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
    },
  };
}
