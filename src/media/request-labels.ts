import type { SelectOption } from '../chat/chat-port.js';
import type { OverseerrMediaInfo, OverseerrSearchResult } from './overseerr-schemas.js';

/** Discord caps select labels and descriptions at 100 characters. */
const maxLabel = 100;

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** `2001` from `2001-04-25`; undefined when unknown. */
export const yearOf = (date: string | null | undefined): string | undefined => /^(\d{4})/.exec(date ?? '')?.[1];

/** Display name of a search hit or details: `Amélie (2001)`. */
export function titleWithYear(name: string, date: string | null | undefined): string {
  const year = yearOf(date);
  return year === undefined ? name : `${name} (${year})`;
}

/**
 * Plain words for a media status (MediaStatus 2 pending, 3 processing, 4 partially available,
 * 5 available). Unknown numbers (Seerr 6/7) and UNKNOWN say nothing: the title is requestable.
 */
export function statusWords(status: number | undefined): string | undefined {
  switch (status) {
    case 2:
      return 'requested, waiting for approval';
    case 3:
      return 'requested, on its way';
    case 4:
      return 'partly available';
    case 5:
      return 'available';
    default:
      return undefined;
  }
}

/** Status of the 1080p and (when it has one) the 4K version. */
export function mediaStatusText(info: OverseerrMediaInfo | undefined): string {
  const hd = statusWords(info?.status) ?? 'not requested yet';
  const uhd = statusWords(info?.status4k);
  return uhd === undefined ? hd : `${hd}; 4K: ${uhd}`;
}

/** The name of a movie or series hit. */
export const resultName = (r: OverseerrSearchResult): string => r.title ?? r.name ?? `TMDB ${r.id}`;

/** One select option per search hit: label `Title (year)`, description the status (≤100 chars each). */
export function resultOption(r: OverseerrSearchResult): SelectOption {
  const label = clip(titleWithYear(resultName(r), r.releaseDate ?? r.firstAirDate), maxLabel);
  const status = statusWords(r.mediaInfo?.status);
  const description = clip(status === undefined ? (r.overview ?? '').trim() || 'not requested yet' : status, maxLabel);
  return { label, value: String(r.id), description };
}
