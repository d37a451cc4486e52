import { isSecretValue } from '../secrets/classify-secret.js';

import { MASK } from '../secrets/redact-text.js';

export { MASK };

/**
 * Whether a field's value must be masked, by the one classifier (`src/secrets`): its key name,
 * a known secret inside it, the variables it came from (`via`), or its looks.
 */
export function isSecret(
  key: string,
  values: readonly (string | null)[],
  knownSecrets: readonly string[],
  via: readonly string[] = [],
): boolean {
  return isSecretValue({ name: key === '' ? undefined : key, values, known: knownSecrets, via });
}

/**
 * Masks a pair of display values. Both present and different → `••••` / `•••• (changed)`, so the
 * fact of the change stays visible without any fingerprint or length leaking.
 */
export function maskPair(
  expected: string | null,
  actual: string | null,
): { expected: string | null; actual: string | null } {
  const changed = expected !== null && actual !== null && expected !== actual;
  return {
    expected: expected === null ? null : MASK,
    actual: actual === null ? null : changed ? `${MASK} (changed)` : MASK,
  };
}
