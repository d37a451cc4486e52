import { describe, expect, it } from 'vitest';
import { quotaHint, quotaText } from './request-quota.js';

const quota = { movie: { limit: 5, remaining: 2, days: 7, used: 3 }, tv: { limit: 3, remaining: 1, days: 1 } };

describe('quotaText', () => {
  it('shows what is left before confirming', () => {
    expect(quotaText(quota, 'movie')).toBe('2 of 5 movie requests left (per 7 days).');
  });

  it('explains that series count per season and warns when the pick costs more than is left', () => {
    expect(quotaText(quota, 'tv', 2)).toBe(
      '1 of 3 series requests left (per 1 day). Each season counts as one; this uses 2. That is not enough for this request.',
    );
  });

  it('says "no limit" for limit 0 and nothing when the quota is unknown', () => {
    expect(quotaText({ movie: { limit: 0 }, tv: {} }, 'movie')).toBe('No limit on your movie requests.');
    expect(quotaText(undefined, 'movie')).toBeUndefined();
  });
});

describe('quotaHint', () => {
  it('carries limit and days for the refusal text', () => {
    expect(quotaHint(quota, 'tv')).toEqual({ limit: 3, days: 1 });
    expect(quotaHint(undefined, 'tv')).toBeUndefined();
  });
});
