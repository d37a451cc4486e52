import { describe, expect, it } from 'vitest';
import { isCronExpression } from './cron.js';
import { parseDuration, tryParseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['15m', 900_000],
    ['6h', 21_600_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '10', '5x', '0s', 'h', '1h 30m', '-5m'])('rejects %j', (text) => {
    expect(tryParseDuration(text)).toBeUndefined();
    expect(() => parseDuration(text)).toThrow(/expected a duration like 30s/);
  });
});

describe('isCronExpression', () => {
  it.each(['0 7 * * *', '*/15 * * * *', '0 0 7 * * MON-FRI', '0 3 1,15 * 0'])('accepts %j', (text) => {
    expect(isCronExpression(text)).toBe(true);
  });

  it.each(['0 7 * *', '0 0 0 7 * * *', '60 * * * *', '0 24 * * *', '0 7 * * * * *', 'every day'])(
    'rejects %j',
    (text) => {
      expect(isCronExpression(text)).toBe(false);
    },
  );
});
