import { isIP } from 'node:net';
import { z } from 'zod';
import { cronHint, cronProblem } from './cron.js';
import { durationHint, tryParseDuration } from './duration.js';

/** Prefix of the message a strict object gives for unknown keys; format-problems.ts reads the list after it. */
export const acceptedKeysPrefix = 'accepted keys here: ';

/**
 * A `.strict()` object whose unknown-key issue lists the keys that are accepted at that level,
 * so a typo (`hots:`) is reported together with what was meant.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const accepted = `${acceptedKeysPrefix}${Object.keys(shape).join(', ')}`;
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? accepted : undefined),
  });
}

/** YAML integers arrive as bigint (exact Discord ids); `${VAR}` values arrive as text. */
function toNumber(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return value;
}

/** An integer from `min` to `max`, written as a YAML number or (after `${VAR}`) as digits. */
export function integer(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  const error =
    max === Number.MAX_SAFE_INTEGER
      ? `expected a whole number of at least ${min}`
      : `expected a number from ${min} to ${max}`;
  return z.preprocess(toNumber, z.number({ error }).int({ error }).min(min, { error }).max(max, { error }));
}

/** A TCP port. */
export const port = () => integer(1, 65_535);

/** A boolean, also accepting the text `true` / `false` that a `${VAR}` produces. */
export const flag = () =>
  z.preprocess(
    (value) => (value === 'true' ? true : value === 'false' ? false : value),
    z.boolean({ error: 'expected true or false' }),
  );

/** Non-empty text. YAML integers (bigint) become their exact digits. */
export function text(error = 'expected a non-empty text value') {
  return z.preprocess(
    (value) => (typeof value === 'bigint' ? value.toString() : value),
    z.string({ error }).min(1, { error }),
  );
}

/** A secret reference: non-empty text, normally `${VAR}` from `.env`. */
export const secret = () => text('expected a non-empty secret, usually written as ${VAR} and set in .env');

/** An optional secret where an empty value (`${VAR:-}`) means "not set". */
export const optionalSecret = () => z.preprocess((value) => (value === '' ? undefined : value), secret().optional());

/** A short identifier: letters, digits, `.`, `_`, `-`. */
export const slug = (what: string) =>
  z
    .string({ error: `expected ${what}: letters, digits, '.', '_' or '-'` })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: `expected ${what}: letters, digits, '.', '_' or '-'` });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** An http(s) base URL; a trailing slash is removed so clients can append paths. */
export const httpUrl = (example = 'http://radarr.lan:7878') => {
  const error = `expected an http:// or https:// URL like ${example}`;
  return z
    .string({ error })
    .refine(isHttpUrl, { error })
    .transform((value) => value.replace(/\/+$/, ''));
};

/** A Redis URL (`redis://` or `rediss://`). */
export const redisUrl = () => {
  const error = 'expected a redis:// or rediss:// URL like redis://127.0.0.1:6379';
  return z.string({ error }).regex(/^rediss?:\/\/\S+$/, { error });
};

function isCidr(value: string): boolean {
  const [address = '', prefix, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** An IP address or CIDR range (IPv4 or IPv6); a bare address means just that address. */
export const cidr = () => {
  const error = 'expected an IP address or CIDR range like 203.0.113.7 or 203.0.113.0/24';
  return z.string({ error }).refine(isCidr, { error });
};

/** A duration text (`30s`, `15m`, `6h`, `24h`, `7d`); parse it with `parseDuration`. */
export const duration = () =>
  z.string({ error: `expected ${durationHint}` }).refine((value) => tryParseDuration(value) !== undefined, {
    error: `expected ${durationHint}`,
  });

/** A cron expression BullMQ can schedule (5 or 6 fields, or `@daily`); a refusal names the field and why. */
export const cron = () =>
  z.string({ error: `expected ${cronHint}` }).superRefine((value, ctx) => {
    const problem = cronProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `invalid cron "${value}": ${problem}` });
  });

const fingerprintError =
  'expected an OpenSSH host key fingerprint like "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s" (ssh-keyscan -t ed25519 HOST | ssh-keygen -lf -)';

/** `SHA256:<base64 of 32 bytes>`, as printed by `ssh-keygen -lf`. */
export const hostKeyFingerprint = () =>
  z.string({ error: fingerprintError }).regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, { error: fingerprintError });

/** A Discord snowflake id (17–20 digits); unquoted YAML numbers are kept exact. */
export const discordId = () => {
  const error = 'expected a Discord id: 17 to 20 digits (Developer Mode → Copy ID)';
  return z.preprocess(
    (value) => (typeof value === 'bigint' ? value.toString() : value),
    z.string({ error }).regex(/^\d{17,20}$/, { error }),
  );
};

/** A Slack user id such as `U024BE7LH`. */
export const slackUserId = () => {
  const error = 'expected a Slack user id like U024BE7LH (profile → ⋮ → Copy member ID)';
  return z.string({ error }).regex(/^[UW][A-Z0-9]{2,}$/, { error });
};

/** A Slack channel id such as `C024BE91L`. */
export const slackChannelId = () => {
  const error = 'expected a Slack channel id like C024BE91L (channel details → bottom of the About tab)';
  return z.string({ error }).regex(/^[CGD][A-Z0-9]{2,}$/, { error });
};

/**
 * Refinement options that run a cross-field check even when a field already failed, so one
 * error report lists every problem; the check still skips values that are not mappings.
 */
export const evenWithIssues = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
};
