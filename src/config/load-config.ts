import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { formatProblems, type ConfigProblem } from './config-problem.js';
import { defaultConfig } from './default-config.js';
import { readDotenvFiles } from './dotenv.js';
import { checkConfigText } from './parse-config.js';
import { resolveConfigPaths } from './resolve-paths.js';
import type { AppConfig } from './schema.js';

/** Where to load the config from. */
export interface LoadConfigOptions {
  /** Config file; default `CONFIG_PATH` from `env`, else `./config.yaml`. */
  readonly path?: string;
  /** Process environment; it wins over `.env`. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Folder for relative paths and the second `.env`; default `process.cwd()`. */
  readonly cwd?: string;
}

/** The default config file name, looked up in the working directory. */
export const defaultConfigPath = './config.yaml';

const shown = (cwd: string, file: string): string => {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
};

async function readConfigFile(file: string, explicit: boolean, display: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return undefined;
    const reason = code === 'ENOENT' ? 'file not found' : `cannot read it (${code ?? (error as Error).message})`;
    throw new ConfigError(
      `Config file ${display}: ${reason}. Set CONFIG_PATH to an existing file, or unset it to use ./config.yaml.`,
      {
        cause: error,
        context: { file },
      },
    );
  }
}

function fail(display: string, problems: readonly ConfigProblem[]): never {
  throw new ConfigError(formatProblems(display, problems), { context: { file: display, problems } });
}

/**
 * Loads `config.yaml`: reads `.env` next to it and in `cwd` (the config folder's file wins;
 * the process env wins over both), interpolates `${VAR}` in values, validates with the
 * strict schema and resolves relative paths against the config folder.
 *
 * When the default `./config.yaml` is missing, returns the embedded shell-only default.
 * An explicit path (option or `CONFIG_PATH`) that is missing is an error.
 *
 * @throws ConfigError whose message lists every problem, one `file:line:col  key: message` line each.
 */
export async function loadConfig(
  options: LoadConfigOptions | string = {},
  env?: NodeJS.ProcessEnv,
): Promise<AppConfig> {
  const opts: LoadConfigOptions =
    typeof options === 'string' ? { path: options, ...(env === undefined ? {} : { env }) } : options;
  const processEnv = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const requested = opts.path ?? (processEnv['CONFIG_PATH'] === '' ? undefined : processEnv['CONFIG_PATH']);
  const file = resolve(cwd, requested ?? defaultConfigPath);
  const display = shown(cwd, file);
  const text = await readConfigFile(file, requested !== undefined, display);
  if (text === undefined) return defaultConfig();
  const baseDir = dirname(file);
  const dotenvFiles = [...new Set([resolve(cwd, '.env'), resolve(baseDir, '.env')])];
  const dotenv = await readDotenvFiles(dotenvFiles);
  const lookup = (name: string): string | undefined => processEnv[name] ?? dotenv.values[name];
  const checked = checkConfigText(text, { file: display, lookup });
  const envProblems = dotenv.problems.map((p) => ({
    file: shown(cwd, p.file),
    ...(p.line > 0 ? { line: p.line, col: 1 } : {}),
    path: '',
    message: p.message,
  }));
  if (!checked.ok || envProblems.length > 0) fail(display, [...envProblems, ...(checked.ok ? [] : checked.problems)]);
  return resolveConfigPaths(checked.config, baseDir);
}

/** The text the CLI prints for a startup failure (it exits 2 for a ConfigError). */
export function describeConfigError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  return `Could not load the configuration: ${error instanceof Error ? error.message : String(error)}`;
}
