/** Name fragments that mark a secret anywhere in the name (matched with separators removed). */
const secretFragments = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|APIKEY|PRIVATEKEY|CREDENTIAL|COOKIE|WIREGUARD|JWT/;
/** Whole name segments that mark a secret (`DB_PASS`, `BASIC_AUTH`, `WG_PSK`). */
const secretSegments = new Set(['AUTH', 'AUTHORIZATION', 'PASS', 'PWD', 'PSK', 'SALT']);
/** Last segments that name something *about* a secret, not the secret (`PASSWORD_FILE`, `privateKeyPath`). */
const referenceSuffixes = new Set(['PATH', 'FILE', 'DIR', 'URL', 'ID', 'IDS', 'NAME', 'USER', 'USERNAME', 'FINGERPRINT', 'TYPE', 'TTL', 'MODE', 'LENGTH']);

/** `privateKeyPath` / `x-api-key` / `DB_PASS` → `PRIVATE_KEY_PATH` / `X_API_KEY` / `DB_PASS`. */
function toSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase()
    .split('_')
    .filter((segment) => segment !== '');
}

/**
 * True when a key or variable name holds a secret: TOKEN, SECRET, PASSWORD, PASSWD, API_KEY,
 * PRIVATE_KEY, CREDENTIAL, COOKIE, WIREGUARD…, AUTH, PASS, a final KEY segment (`SSH_KEY`, but
 * not `MONKEY`). Names that merely point at a secret (`…_FILE`, `…Path`, `…Id`, `…Url`) are not.
 * Works for camelCase config keys, env names and header names alike.
 */
export function isSecretKey(name: string): boolean {
  const segments = toSegments(name);
  const last = segments.at(-1);
  if (last === undefined || referenceSuffixes.has(last)) return false;
  if (secretFragments.test(segments.join(''))) return true;
  return last === 'KEY' || segments.some((segment) => secretSegments.has(segment));
}

/** The password and secret-named query values of a URL-looking string (`redis://:pw@host`). */
function secretsInUrl(value: string): string[] {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return [];
  try {
    const url = new URL(value);
    const found = url.password === '' ? [] : [decodeURIComponent(url.password)];
    url.searchParams.forEach((param, key) => {
      if (param !== '' && isSecretKey(key)) found.push(param);
    });
    return found;
  } catch {
    return [];
  }
}

function collect(value: unknown, keyIsSecret: boolean, into: Set<string>): void {
  if (typeof value === 'string') {
    if (keyIsSecret && value !== '') into.add(value);
    for (const found of secretsInUrl(value)) into.add(found);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, keyIsSecret, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) collect(child, isSecretKey(key), into);
  }
}

/**
 * Every secret value in a loaded config (tokens, API keys, passwords, signing secrets, URL
 * passwords), deduplicated and longest first so a redactor replaces overlapping values safely.
 * Feed it to log redaction and drift masking; never log the result.
 */
export function collectSecretValues(config: unknown): string[] {
  const found = new Set<string>();
  collect(config, false, found);
  return [...found].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** Replaces every occurrence of each secret in `text` with `mask`. */
export function redactSecretValues(text: string, secrets: readonly string[], mask = '[redacted]'): string {
  return secrets.reduce((result, secret) => (secret === '' ? result : result.split(secret).join(mask)), text);
}
