import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The value written for a new secret variable: obviously not a real one. */
export const SECRET_PLACEHOLDER = 'changeme';

/**
 * Adds `VAR=changeme` to the stack's `.env.sample` for each variable it does not list yet
 * (creating the file if needed). Returns the variables added.
 */
export async function addEnvSampleVars(stackDir: string, vars: readonly string[]): Promise<string[]> {
  const path = join(stackDir, '.env.sample');
  const text = await readFile(path, 'utf8').catch(() => '');
  const listed = new Set(
    text
      .split('\n')
      .map((l) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(l)?.[1])
      .filter((v) => v !== undefined),
  );
  const added = [...new Set(vars)].filter((v) => !listed.has(v));
  if (added.length === 0) return [];
  const head = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  await writeFile(path, `${head}${added.map((v) => `${v}=${SECRET_PLACEHOLDER}\n`).join('')}`);
  return added;
}
