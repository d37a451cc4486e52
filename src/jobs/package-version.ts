import { readFileSync } from 'node:fs';

/**
 * The `version` of this package's package.json. The file sits two levels up from both
 * `src/jobs/` (tsx) and `dist/jobs/` (build); `unknown` when it cannot be read.
 */
export function packageVersion(): string {
  try {
    const raw = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const parsed = JSON.parse(raw) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
