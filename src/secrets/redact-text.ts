import { MIN_KNOWN_SECRET } from './classify-secret.js';
import { isSecretName } from './secret-names.js';
import { PRIVATE_KEY_BLOCK } from './secret-values.js';

/** The chat and report mask. Fixed width: it never reveals a value's length, and two secrets look alike on purpose. */
export const MASK = '••••';

/** What a redacted secret is replaced with in logs, run records and metrics. */
export const REDACTED = '[redacted]';

const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>\\]+/gi;
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*:)([^@\s/]+)@/i;
const QUERY_PARAM = /([?&])([^=&#\s]+)=([^&#\s]*)/g;

/**
 * A bare `key` names credentials (`?key=<api key>`) as often as plain identifiers (Plex Web's
 * `details?key=%2Flibrary%2Fmetadata%2F123`, a rating key `?key=194`, a sort key). Its value
 * decides: a short number or a path is an identifier and stays visible; anything else is
 * treated as a secret. Names that say more (`apikey`, `API_KEY`) are always masked.
 */
const IDENTIFIER_VALUE = /^(?:\d{1,12}|(?:\/|%2F)[A-Za-z0-9%/_.-]*)$/i;
const isIdentifierKey = (name: string, value: string): boolean =>
  name.toLowerCase() === 'key' && IDENTIFIER_VALUE.test(value);

function redactUrl(url: string, mask: string): string {
  const withoutPassword = url.replace(USERINFO, `$1${mask}@`);
  return withoutPassword.replace(QUERY_PARAM, (whole, sep: string, key: string, value: string) => {
    let name = key;
    try {
      name = decodeURIComponent(key);
    } catch {
      /* keep as written */
    }
    return value !== '' && !isIdentifierKey(name, value) && isSecretName(name) ? `${sep}${key}=${mask}` : whole;
  });
}

/**
 * Webhook credentials in a path: Discord's interaction and webhook tokens
 * (`/webhooks/{id}/{token}`, `/interactions/{id}/{token}/callback`) and the last segment of a
 * Slack hook (`hooks.slack.com/commands/T…/…/{secret}`, a command's `response_url`).
 */
const DISCORD_WEBHOOK_TOKEN = /(\/(?:webhooks|interactions)\/\d{5,}\/)([^/?#\s"'<>\\]{8,})/g;
const SLACK_HOOK = /(\bhooks\.slack(?:-gov)?\.com\/(?:[^/?#\s"'<>\\]+\/)+)([^/?#\s"'<>\\]+)/g;

/** `text` with the credentials of Discord webhook/interaction paths and Slack hook URLs masked. */
export function redactWebhookPaths(text: string, mask = REDACTED): string {
  return text.replace(DISCORD_WEBHOOK_TOKEN, `$1${mask}`).replace(SLACK_HOOK, `$1${mask}`);
}

const ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_.-]*)=([^&\s"'<>),;\\]+)/g;

/** `DB_PASS=hunter2`, `apikey=abc` in free text (server messages, shell lines): the value masked when the name is secret. */
export function redactAssignments(text: string, mask = REDACTED): string {
  return text.replace(ASSIGNMENT, (whole, name: string, value: string) =>
    isSecretName(name) && !isReference(value) && !isIdentifierKey(name, value) ? `${name}=${mask}` : whole,
  );
}

/** `${VAR}`, `$VAR`, `${VAR:-x}` and masks: references and placeholders, never a secret value. */
const isReference = (value: string): boolean =>
  /^\$\{?[A-Za-z_][A-Za-z0-9_]*/.test(value) || value.startsWith(MASK) || value.startsWith(REDACTED);

/** A deep copy of a JSON-like value with every string passed through `redact`. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
}

/** The forms a secret takes in text: as is, JSON-escaped (logs), URL-encoded (links). */
function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const url = encodeURIComponent(secret);
  return [...new Set([secret, json, url])];
}

/**
 * Replaces, in any text, every known secret (and its JSON/URL-escaped form), URL passwords,
 * secret-named query values, webhook and interaction tokens in paths (`redactWebhookPaths`) and
 * PEM private-key blocks with `mask`. Longest secrets first, so
 * overlapping values never leave a tail behind.
 */
export function redactText(text: string, known: readonly string[], mask = REDACTED): string {
  let out = redactAssignments(
    redactWebhookPaths(
      text.replace(PRIVATE_KEY_BLOCK, mask).replace(URL_LIKE, (url) => redactUrl(url, mask)),
      mask,
    ),
    mask,
  );
  const sorted = [...new Set(known)].filter((s) => s.length >= MIN_KNOWN_SECRET).sort((a, b) => b.length - a.length);
  for (const secret of sorted)
    for (const form of forms(secret)) if (out.includes(form)) out = out.split(form).join(mask);
  return out;
}

/**
 * The secret values one process knows: from the config and `.env` at start, and from each host's
 * `.env` as audits read them. Owned by the composition root and shared by the logger, the chat
 * gate and the stores; never logged itself.
 */
export class SecretBook {
  readonly #values = new Set<string>();

  constructor(values: readonly string[] = []) {
    this.add(values);
  }

  /** Remembers more secret values (empty and too-short ones are ignored). */
  add(values: Iterable<string>): void {
    for (const v of values) if (v.length >= MIN_KNOWN_SECRET) this.#values.add(v);
  }

  /** Every known value, longest first. */
  values(): string[] {
    return [...this.#values].sort((a, b) => b.length - a.length);
  }

  /** {@link redactText} with every value known so far. */
  redact(text: string, mask = REDACTED): string {
    return redactText(text, [...this.#values], mask);
  }
}
