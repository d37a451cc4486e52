import { isNeverSecretName, isSecretName } from './secret-names.js';
import { secretByValue, type ValueReason } from './secret-values.js';

/**
 * Why a value was judged secret (or not). Rules, order and reasons: `SECRETS.md` next to this file.
 */
export type SecretReason = 'known-value' | 'provenance' | 'name' | ValueReason | 'allow-listed' | 'none';

/** What is known about one value that the bot may show, store or write. */
export interface SecretSubject {
  /** Env/label/config key the value sits under (`DB_PASS`, `traefik.http.middlewares.a.basicauth.users`). */
  readonly name?: string | undefined;
  /** The value(s): both sides of a drift, or one value. `null` entries are ignored. */
  readonly values?: readonly (string | null | undefined)[];
  /** Variables the value was interpolated from (`${DB_PASS}` in the compose file). */
  readonly via?: readonly string[];
  /** Secret values known from the config, `.env` files and each host's `.env` (any order). */
  readonly known?: readonly string[];
}

export interface SecretVerdict {
  readonly secret: boolean;
  readonly reason: SecretReason;
}

/** Known secrets shorter than this are not searched for inside other values (too many false hits). */
export const MIN_KNOWN_SECRET = 4;

const containsKnown = (value: string, known: readonly string[]): boolean =>
  known.some((s) => s !== '' && (value === s || (s.length >= MIN_KNOWN_SECRET && value.includes(s))));

/**
 * The one secret classifier: by known value, provenance, name, then by looks. An allow-listed
 * name (`TZ`, `PUID`…) is public unless the value is a known secret, carries URL credentials,
 * a private key or a documented token format.
 */
export function classifySecret(subject: SecretSubject): SecretVerdict {
  const values = (subject.values ?? []).filter((v): v is string => typeof v === 'string' && v !== '');
  const known = subject.known ?? [];
  if (values.some((v) => containsKnown(v, known))) return { secret: true, reason: 'known-value' };
  if ((subject.via ?? []).some(isSecretName)) return { secret: true, reason: 'provenance' };
  const allowListed = subject.name !== undefined && isNeverSecretName(subject.name);
  if (!allowListed && subject.name !== undefined && isSecretName(subject.name)) return { secret: true, reason: 'name' };
  for (const value of values) {
    const reason = secretByValue(value, { entropy: !allowListed });
    if (reason !== undefined) return { secret: true, reason };
  }
  return { secret: false, reason: allowListed ? 'allow-listed' : 'none' };
}

/** Shorthand: whether the subject must never be shown, stored or written as is. */
export const isSecretValue = (subject: SecretSubject): boolean => classifySecret(subject).secret;
