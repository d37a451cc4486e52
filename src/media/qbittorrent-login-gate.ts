import { createHash } from 'node:crypto';

/** A login qBittorrent refused (401/403/`Fails.`), remembered so the bot does not try again and get its IP banned. */
export interface QbtRefusal {
  /** HTTP status of the refused login (200 for 4.x's `Fails.`). */
  readonly status: number;
  /** Epoch ms of the refusal. */
  readonly at: number;
}

/**
 * Where refused logins are remembered, keyed by a fingerprint of URL + user + password, so a
 * changed config logs in again at once. Entries expire after {@link qbtRefusalTtlMs}. The Redis
 * store shares them between every worker; {@link memoryLoginGate} keeps them in one process.
 */
export interface QbtLoginGate {
  refusal(fingerprint: string): Promise<QbtRefusal | undefined>;
  recordRefusal(fingerprint: string, refusal: QbtRefusal): Promise<void>;
  clear(fingerprint: string): Promise<void>;
}

/** One hour: qBittorrent's default ban (`WebUI\BanDuration`, 3600 s) after 5 failures. */
export const qbtRefusalTtlMs = 3_600_000;

/** A hash of what decides a login's outcome; the password itself is never stored. */
export function qbtLoginFingerprint(options: {
  readonly url: string;
  readonly username: string;
  readonly password: string;
}): string {
  return createHash('sha256')
    .update(`${options.url}\0${options.username}\0${options.password}`)
    .digest('hex')
    .slice(0, 32);
}

/** An in-process gate (CLI one-shots, tests, and the default of a client built without one). */
export function memoryLoginGate(now: () => number = Date.now): QbtLoginGate {
  const refusals = new Map<string, QbtRefusal>();
  return {
    refusal: (fingerprint) => {
      const found = refusals.get(fingerprint);
      return Promise.resolve(found !== undefined && now() - found.at < qbtRefusalTtlMs ? found : undefined);
    },
    recordRefusal: (fingerprint, refusal) => {
      refusals.set(fingerprint, refusal);
      return Promise.resolve();
    },
    clear: (fingerprint) => {
      refusals.delete(fingerprint);
      return Promise.resolve();
    },
  };
}
