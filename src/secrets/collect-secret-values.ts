import { isSecretName } from './secret-names.js';
import { urlSecrets } from './secret-values.js';

function collect(value: unknown, keyIsSecret: boolean, into: Set<string>): void {
  if (typeof value === 'string') {
    if (keyIsSecret && value !== '') into.add(value);
    for (const found of urlSecrets(value)) into.add(found);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, keyIsSecret, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) collect(child, isSecretName(key), into);
  }
}

/**
 * Every secret value in a loaded config (or any JSON-like value: tokens, API keys, passwords, signing secrets, URL
 * passwords), classified by `src/secrets` rules, deduplicated and longest first so a redactor
 * replaces overlapping values safely. Feed it to the `SecretBook`; never log the result.
 */
export function collectSecretValues(config: unknown): string[] {
  const found = new Set<string>();
  collect(config, false, found);
  return [...found].sort((a, b) => b.length - a.length || a.localeCompare(b));
}
