import { dirname, resolve } from 'node:path';
import { isSecretValue } from '../secrets/classify-secret.js';
import { SecretBook } from '../secrets/redact-text.js';
import { readDotenvFiles } from './dotenv.js';
import { defaultConfigPath } from './load-config.js';
import { collectSecretValues } from '../secrets/collect-secret-values.js';

/** Where the process's configuration came from (as `loadConfig` was given it). */
export interface SecretSources {
  readonly env: NodeJS.ProcessEnv;
  readonly configPath?: string | undefined;
  readonly cwd?: string;
}

/** Values of `env` (process environment or a `.env`) the classifier calls secret. */
export const envSecretValues = (env: Readonly<Record<string, string | undefined>>): string[] =>
  Object.entries(env).flatMap(([name, value]) =>
    value !== undefined && value !== '' && isSecretValue({ name, values: [value] }) ? [value] : [],
  );

/**
 * The process's secret book at start: every secret of the loaded config, and the secret values
 * of the process environment and the `.env` files `loadConfig` reads (also those the config does
 * not reference). Audits add each host's `.env` secrets as they read them.
 */
export async function loadSecretBook(config: unknown, sources: SecretSources): Promise<SecretBook> {
  const cwd = sources.cwd ?? process.cwd();
  const requested = sources.configPath ?? (sources.env['CONFIG_PATH'] === '' ? undefined : sources.env['CONFIG_PATH']);
  const configDir = dirname(resolve(cwd, requested ?? defaultConfigPath));
  const dotenv = await readDotenvFiles([...new Set([resolve(cwd, '.env'), resolve(configDir, '.env')])]);
  return new SecretBook([
    ...collectSecretValues(config),
    ...envSecretValues(sources.env),
    ...envSecretValues(dotenv.values),
  ]);
}
