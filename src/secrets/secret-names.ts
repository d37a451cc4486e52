/**
 * Secret-by-name rules (documented with their reasons in `SECRETS.md`). One list for the whole
 * bot: env names, compose labels, config keys (camelCase), header and query-parameter names.
 */

/** Fragments that mark a secret anywhere in the name, matched with separators removed (`x-api-key` → `XAPIKEY`). */
const FRAGMENTS = [
  'PASSWORD',
  'PASSWD',
  'PASSPHRASE',
  'PASSKEY',
  'SECRET',
  'TOKEN',
  'APIKEY',
  'AUTHKEY',
  'PRIVATEKEY',
  'PRESHAREDKEY',
  'ENCRYPTIONKEY',
  'CREDENTIAL',
  'COOKIE',
  'WEBHOOK',
] as const;

/** Whole segments that mark a secret (`DB_PASS`, `MYSQL_PWD`, `WG_PSK`, `PLEX_CLAIM`, `BASIC_AUTH`, `SENTRY_DSN`). */
const SEGMENTS = new Set([
  'PASS',
  'PWD',
  'PSK',
  'SALT',
  'JWT',
  'CLAIM',
  'AUTH',
  'AUTHORIZATION',
  'CREDS',
  'DSN',
  'SESSION',
  'BASICAUTH',
]);

/**
 * Last segments that name something *about* a secret, not the secret itself (`PASSWORD_FILE`,
 * `privateKeyPath`, `TOKEN_TTL`, `AUTH_ENABLED`). `URL` is one too, except for webhook URLs; URL
 * values are still checked for credentials by value.
 */
const REFERENCE_SUFFIXES = new Set([
  'PATH',
  'FILE',
  'DIR',
  'URL',
  'URI',
  'HOST',
  'PORT',
  'ID',
  'IDS',
  'NAME',
  'USER',
  'USERNAME',
  'FINGERPRINT',
  'TYPE',
  'TTL',
  'MODE',
  'LENGTH',
  'TIMEOUT',
  'EXPIRY',
  'LIFETIME',
  'ENABLED',
  'DISABLED',
  'ENABLE',
  'DISABLE',
  'HEADER',
  'METHOD',
  'PROVIDER',
  'ALGORITHM',
  'ALG',
  'SIZE',
  'COUNT',
  'FORMAT',
  'LEVEL',
]);

/**
 * Names that are never secret by name or by looks (a known secret value, URL credentials or a
 * private key still count): the everyday settings of a homelab, kept readable in reports.
 */
export const NEVER_SECRET_NAMES: ReadonlySet<string> = new Set([
  'TZ',
  'PUID',
  'PGID',
  'UID',
  'GID',
  'UMASK',
  'UMASK_SET',
  'LOG_LEVEL',
  'LOGLEVEL',
  'DEBUG',
  'NODE_ENV',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'PATH',
  'HOME',
  'HOSTNAME',
  'PWD',
  'OLDPWD',
  'TERM',
  'SHELL',
  'VERSION',
  'WEBUI_PORT',
  'DOMAIN',
  'VIRTUAL_HOST',
  'NVIDIA_VISIBLE_DEVICES',
  'NVIDIA_DRIVER_CAPABILITIES',
  'DOCKER_MODS',
]);

/** `privateKeyPath` / `x-api-key` / `DB_PASS` → `PRIVATE KEY PATH` / `X API KEY` / `DB PASS` as segments. */
export function nameSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase()
    .split('_')
    .filter((segment) => segment !== '');
}

/** Whether `name` is on the never-secret allow-list (exact, case-insensitive). */
export const isNeverSecretName = (name: string): boolean => NEVER_SECRET_NAMES.has(name.toUpperCase());

/**
 * True when a name says its value is a secret: a fragment (TOKEN, SECRET, PASSWORD, APIKEY,
 * AUTHKEY, ENCRYPTIONKEY, COOKIE, WEBHOOK…), a whole segment (PASS, PWD, PSK, SALT, JWT, CLAIM,
 * AUTH, DSN, SESSION…) or a final `KEY` segment (`SSH_KEY`, not `MONKEY` or `KEYBOARD_LAYOUT`).
 * Names that point at a secret (`…_FILE`, `…Path`, `…_TTL`, `…Url`) and allow-listed names are not.
 */
export function isSecretName(name: string): boolean {
  if (isNeverSecretName(name)) return false;
  const segments = nameSegments(name);
  const last = segments.at(-1);
  if (last === undefined) return false;
  const joined = segments.join('');
  const webhook = joined.includes('WEBHOOK');
  if (REFERENCE_SUFFIXES.has(last) && !(webhook && (last === 'URL' || last === 'URI'))) return false;
  if (FRAGMENTS.some((f) => joined.includes(f))) return true;
  return last === 'KEY' || segments.some((segment) => SEGMENTS.has(segment));
}
