import { isSecretName } from './secret-names.js';

/** Why a value looks like a secret by itself (no name needed). */
export type ValueReason = 'url-credentials' | 'private-key' | 'token-format' | 'high-entropy';

const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/** Token formats with a documented prefix (GitHub, GitLab, Slack, Tailscale, OpenAI-style, AWS, Stripe). */
const TOKEN_FORMATS =
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}|tskey-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|[rs]k_live_[A-Za-z0-9]{16,})\b/;
const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
const TOKEN_CHARS = /^[A-Za-z0-9+/=_.~-]+$/;
const HEX = /^[0-9a-f]+$/i;

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

/** The password and secret-named query values of every URL in `text` (`postgres://u:pw@db`, `?apikey=…`). */
export function urlSecrets(text: string): string[] {
  const found: string[] = [];
  for (const [candidate] of text.matchAll(URL_LIKE)) {
    try {
      const url = new URL(candidate);
      if (url.password !== '') found.push(decodeURIComponent(url.password));
      url.searchParams.forEach((value, key) => {
        if (value !== '' && isSecretName(key)) found.push(value);
      });
    } catch {
      /* not a URL after all */
    }
  }
  return found;
}

/**
 * A long random-looking word (detect-secrets' entropy idea): hex of 32+ characters with entropy
 * over 3, or 20+ token characters mixing letters and digits with entropy of at least 4 bits/char.
 * An absolute path counts only when one of its segments does.
 */
export function isHighEntropy(value: string): boolean {
  if (!TOKEN_CHARS.test(value)) return false;
  // An absolute path (`/srv/disk2/appdata/bazarr`) is judged segment by segment: a long path with a
  // digit in it is not random, but a random token used as one of its segments still is.
  if (value.startsWith('/')) return value.split('/').some((segment) => segment !== '' && isHighEntropy(segment));
  if (HEX.test(value)) return value.length >= 32 && shannonEntropy(value) > 3;
  return value.length >= 20 && /[a-z]/i.test(value) && /[0-9]/.test(value) && shannonEntropy(value) >= 4;
}

/** Why `value` is a secret by its looks alone, or undefined; `entropy: false` skips the entropy heuristic. */
export function secretByValue(
  value: string,
  options: { readonly entropy: boolean } = { entropy: true },
): ValueReason | undefined {
  if (PRIVATE_KEY.test(value)) return 'private-key';
  if (urlSecrets(value).length > 0) return 'url-credentials';
  if (TOKEN_FORMATS.test(value)) return 'token-format';
  return options.entropy && isHighEntropy(value.trim()) ? 'high-entropy' : undefined;
}

/** Every PEM private-key block in `text` (for redaction), also with JSON-escaped newlines. */
export const PRIVATE_KEY_BLOCK = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?-----END \1-----/g;
