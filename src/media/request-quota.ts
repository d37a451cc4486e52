import type { OverseerrQuota } from './overseerr-schemas.js';
import type { QuotaHint } from './outcome-text.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The quota part for a media type (Overseerr: `limit` 0 = unlimited). */
export const quotaPart = (quota: OverseerrQuota | undefined, mediaType: 'movie' | 'tv') => quota?.[mediaType];

/** `QuotaHint` for the outcome text of a quota refusal. */
export function quotaHint(quota: OverseerrQuota | undefined, mediaType: 'movie' | 'tv'): QuotaHint | undefined {
  const part = quotaPart(quota, mediaType);
  return part === undefined ? undefined : { limit: part.limit, days: part.days };
}

/**
 * "2 of 5 movie requests left (per 7 days)", shown before confirming. `cost` is what this request
 * would use (series count one per season). Undefined when the quota is unknown.
 */
export function quotaText(quota: OverseerrQuota | undefined, mediaType: 'movie' | 'tv', cost = 1): string | undefined {
  const part = quotaPart(quota, mediaType);
  if (part === undefined) return undefined;
  const what = mediaType === 'tv' ? 'series request' : 'movie request';
  const { limit, remaining, days } = part;
  if (limit === undefined || limit === 0) return `No limit on your ${what}s.`;
  const left = remaining ?? limit;
  const window = days === undefined ? '' : ` (per ${plural(days, 'day')})`;
  const seasons = mediaType === 'tv' ? ` Each season counts as one; this uses ${cost}.` : '';
  const over = cost > left ? ' That is not enough for this request.' : '';
  return `${left} of ${plural(limit, what)} left${window}.${seasons}${over}`;
}
