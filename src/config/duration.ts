/** Milliseconds per duration unit accepted in config (`30s`, `15m`, `6h`, `24h`, `7d`, `2w`). */
const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

type DurationUnit = keyof typeof unitMs;

/** What a duration looks like, for error messages. */
export const durationHint = 'a duration like 30s, 15m, 6h, 24h, 7d or 1h30m';

/**
 * Parses a duration such as `30s`, `15m`, `6h`, `24h`, `7d` or `1h30m` into milliseconds.
 * Returns `undefined` for anything else (empty text, bare numbers, unknown units, zero).
 */
export function tryParseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const partPattern = /(\d+)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = partPattern.exec(trimmed); match !== null; match = partPattern.exec(trimmed)) {
    const [whole, amount, unit] = match;
    total += Number(amount) * unitMs[unit as DurationUnit];
    consumed += whole.length;
  }
  if (consumed !== trimmed.length || total <= 0 || !Number.isSafeInteger(total)) return undefined;
  return total;
}

/**
 * Parses a duration such as `30s`, `15m`, `6h`, `24h` or `7d` into milliseconds.
 * @throws RangeError naming the accepted forms when the text is not a duration.
 */
export function parseDuration(text: string): number {
  const ms = tryParseDuration(text);
  if (ms === undefined) throw new RangeError(`expected ${durationHint}, got ${JSON.stringify(text)}`);
  return ms;
}
