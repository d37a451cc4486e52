/** Env/label keys whose values are secrets (design §3 N9, issue "secret-looking values"). */
export const SECRET_KEY = /TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH|COOKIE|WIREGUARD_.*KEY/i;

/** The mask. Fixed width: it never reveals a value's length, and two secrets look alike on purpose. */
export const MASK = '••••';

/** Secrets shorter than this are not searched for inside other values (too many false hits). */
const MIN_KNOWN_SECRET = 4;

/** Whether a field's value must be masked: by its key name or because it contains a known secret. */
export function isSecret(key: string, values: readonly (string | null)[], knownSecrets: readonly string[]): boolean {
  if (SECRET_KEY.test(key)) return true;
  return values.some((v) => v !== null && knownSecrets.some((s) => s.length >= MIN_KNOWN_SECRET && v.includes(s)));
}

/**
 * Masks a pair of display values. Both present and different → `••••` / `•••• (changed)`, so the
 * fact of the change stays visible without any fingerprint or length leaking.
 */
export function maskPair(expected: string | null, actual: string | null): { expected: string | null; actual: string | null } {
  const changed = expected !== null && actual !== null && expected !== actual;
  return {
    expected: expected === null ? null : MASK,
    actual: actual === null ? null : changed ? `${MASK} (changed)` : MASK,
  };
}
