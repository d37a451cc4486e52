import { readFile } from 'node:fs/promises';
import { basename, posix } from 'node:path';
import { toExpectedService } from './compose/canonical.js';
import { parseDotenv } from './compose/dotenv.js';
import { interpolateTree, type InterpolationEnv } from './compose/interpolate.js';
import { mergeCompose } from './compose/merge.js';
import { isMap, scalar, toList, type YamlMap } from './compose/merge-helpers.js';
import { parseComposeYaml } from './compose/parse-yaml.js';
import type { ExpectedService } from './model.js';
import { isSecretValue } from '../secrets/classify-secret.js';

/** Where and how to load one stack. */
export interface LoadStackOptions {
  /** Absolute path of `stacks/<stack>` in the repo checkout. */
  readonly stackDir: string;
  /** Selects `docker-compose.<endpoint>.yml` when present. */
  readonly endpoint: string | null;
  /** Text of the host's real `.env` when it could be read: variables then become fully known. */
  readonly hostEnv?: string;
  /** Treat `.env.sample` values as authoritative (design §2.3). */
  readonly useEnvSample?: boolean;
  /** Project directory on the host (relative binds resolve against it); defaults to `stackDir`. */
  readonly projectDir?: string;
  /** Variables known besides the env files (e.g. a secret a write-back introduces), without making the env complete. */
  readonly extraEnv?: string;
  /** Largest compose file parsed, in bytes (config `limits.composeFileSize`, default 2 MB). */
  readonly maxComposeBytes?: number | undefined;
}

/** A loaded stack, or the first YAML/interpolation error with the file and parser line/column. */
export type LoadedStack =
  | {
      readonly ok: true;
      readonly stack: string;
      readonly project: string;
      readonly files: readonly string[];
      readonly services: readonly ExpectedService[];
      /** Values of the interpolation variables (git and host `.env`) the secret classifier calls secret (provenance). */
      readonly secretValues?: readonly string[];
    }
  | {
      readonly ok: false;
      readonly stack: string;
      readonly file: string;
      readonly line: number;
      readonly col: number;
      readonly message: string;
    };

const BASE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.yml'];

const readOptional = async (path: string): Promise<string | undefined> => {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Compose-go project name normalisation: lowercase, `[a-z0-9_-]` only, leading `_`/`-` trimmed. */
export const normalizeProjectName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');

async function composeFiles(stackDir: string, endpoint: string | null): Promise<[string, string][]> {
  const files: [string, string][] = [];
  for (const name of BASE_FILES) {
    const text = await readOptional(posix.join(stackDir, name));
    if (text !== undefined) {
      files.push([name, text]);
      break;
    }
  }
  for (const name of endpoint === null ? [] : [`docker-compose.${endpoint}.yml`, `docker-compose.${endpoint}.yaml`]) {
    const text = await readOptional(posix.join(stackDir, name));
    if (text !== undefined) files.push([name, text]);
  }
  return files;
}

/** The interpolation env compose uses for the stack: git `.env` (and `.env.sample` when authoritative), then the host `.env`. */
export async function interpolationEnv(opts: LoadStackOptions, project: string): Promise<InterpolationEnv> {
  const sources = [await readOptional(posix.join(opts.stackDir, '.env'))];
  if (opts.useEnvSample === true) sources.unshift(await readOptional(posix.join(opts.stackDir, '.env.sample')));
  if (opts.hostEnv !== undefined) sources.push(opts.hostEnv);
  if (opts.extraEnv !== undefined) sources.push(opts.extraEnv);
  const values = new Map<string, string>();
  for (const text of sources) if (text !== undefined) for (const [k, v] of parseDotenv(text).values) values.set(k, v);
  values.set('COMPOSE_PROJECT_NAME', values.get('COMPOSE_PROJECT_NAME') ?? project);
  return { values, complete: opts.hostEnv !== undefined };
}

async function envFileContents(services: YamlMap, stackDir: string, projectDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const svc of Object.values(services)) {
    for (const entry of isMap(svc) ? toList(svc.env_file) : []) {
      const rel = scalar(isMap(entry) ? entry.path : entry);
      const text = await readOptional(posix.resolve(stackDir, rel));
      if (text !== undefined) out.set(posix.resolve(projectDir, rel), text);
    }
  }
  return out;
}

const isActive = (svc: YamlMap, env: InterpolationEnv): boolean => {
  const profiles = toList(svc.profiles).map(scalar);
  const active = (env.values.get('COMPOSE_PROFILES') ?? '').split(',');
  return profiles.length === 0 || profiles.some((p) => active.includes(p));
};

/**
 * Loads `stacks/<stack>` like `docker compose -f docker-compose.yml -f docker-compose.<endpoint>.yml`:
 * per-file parse and interpolation, merge, canonicalisation. Never throws for bad YAML: one bad
 * stack is an `ok: false` value so the audit of the others continues.
 */
export async function loadStack(opts: LoadStackOptions): Promise<LoadedStack> {
  const stack = basename(opts.stackDir);
  const projectDir = opts.projectDir ?? opts.stackDir;
  const files = await composeFiles(opts.stackDir, opts.endpoint);
  if (files.length === 0)
    return { ok: false, stack, file: 'docker-compose.yml', line: 0, col: 0, message: 'no compose file' };
  const env = await interpolationEnv(opts, normalizeProjectName(stack));
  let merged: YamlMap = {};
  for (const [file, text] of files) {
    const parsed = parseComposeYaml(text, opts.maxComposeBytes === undefined ? {} : { maxBytes: opts.maxComposeBytes });
    if (!parsed.ok) return { ok: false, stack, file, line: parsed.line, col: parsed.col, message: parsed.message };
    const { value, errors } = interpolateTree(parsed.value ?? {}, env);
    const first = errors[0];
    if (first !== undefined)
      return { ok: false, stack, file, line: 0, col: 0, message: `${first.path}: ${first.error}` };
    if (!isMap(value)) return { ok: false, stack, file, line: 1, col: 1, message: 'top level is not a mapping' };
    merged = mergeCompose(merged, value);
  }
  const project = normalizeProjectName(typeof merged.name === 'string' ? merged.name : stack);
  const services = isMap(merged.services) ? merged.services : {};
  const ctx = {
    stack,
    project,
    projectDir,
    env,
    networks: isMap(merged.networks) ? merged.networks : {},
    volumes: isMap(merged.volumes) ? merged.volumes : {},
    envFiles: await envFileContents(services, opts.stackDir, projectDir),
    composeFiles: files.map(([f]) => f),
  };
  const expected = Object.entries(services)
    .filter((e): e is [string, YamlMap] => isMap(e[1]) && isActive(e[1], env))
    .map(([name, svc]) => toExpectedService(name, svc, ctx));
  const secretValues = [...env.values]
    .filter(([name, value]) => value !== '' && isSecretValue({ name, values: [value] }))
    .map(([, value]) => value);
  return { ok: true, stack, project, files: files.map(([f]) => f), services: expected, secretValues };
}
