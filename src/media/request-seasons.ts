import type { SelectOption } from '../chat/chat-port.js';

/** Discord allows 25 options per select: "all seasons" plus 24 seasons per page. */
export const seasonsPerPage = 24;

/** The value of the "all seasons" option (Overseerr's `seasons: "all"`). */
export const allSeasons = 'all';

interface SeasonInfo {
  readonly seasonNumber: number;
  readonly episodeCount?: number | undefined;
}
interface SeasonStatus {
  readonly seasonNumber: number;
  readonly status: number;
}

/** One page of the season picker. */
export interface SeasonPage {
  readonly options: readonly SelectOption[];
  /** 1-based page and page count (of requestable seasons). */
  readonly page: number;
  readonly pages: number;
  readonly requestable: readonly number[];
  /** Seasons that cannot be requested and why, e.g. `Season 1: available`. */
  readonly taken: readonly string[];
}

const seasonName = (n: number): string => (n === 0 ? 'Specials' : `Season ${n}`);

function takenWord(status: number): string | undefined {
  if (status === 5) return 'available';
  if (status === 4) return 'partly available';
  if (status === 2 || status === 3) return 'already requested';
  return undefined;
}

/**
 * Builds page `page` of the picker from TMDB seasons and Overseerr's per-season status: only
 * seasons that can still be requested are options; the others are listed with their status.
 */
export function seasonPage(
  seasons: readonly SeasonInfo[],
  statuses: readonly SeasonStatus[] | undefined,
  page: number,
): SeasonPage {
  const statusOf = new Map((statuses ?? []).map((s) => [s.seasonNumber, s.status]));
  const taken: string[] = [];
  const open: SeasonInfo[] = [];
  for (const s of [...seasons].sort((a, b) => a.seasonNumber - b.seasonNumber)) {
    const word = takenWord(statusOf.get(s.seasonNumber) ?? 1);
    if (word === undefined) open.push(s);
    else taken.push(`${seasonName(s.seasonNumber)}: ${word}`);
  }
  const pages = Math.max(1, Math.ceil(open.length / seasonsPerPage));
  const current = Math.min(Math.max(1, page), pages);
  const slice = open.slice((current - 1) * seasonsPerPage, current * seasonsPerPage);
  const options: SelectOption[] = slice.map((s) => ({
    label: seasonName(s.seasonNumber),
    value: String(s.seasonNumber),
    ...(s.episodeCount === undefined ? {} : { description: `${s.episodeCount} episodes` }),
  }));
  if (options.length > 0)
    options.unshift({
      label: 'All seasons',
      value: allSeasons,
      description: 'Every season not yet requested or available (not Specials)',
    });
  return { options, page: current, pages, requestable: open.map((s) => s.seasonNumber), taken };
}

/**
 * How many seasons a request uses of the quota, as Overseerr counts them: `"all"` means every
 * requestable season except Specials (season 0), which Overseerr's "all seasons" leaves out.
 */
export function seasonCost(seasons: readonly number[] | 'all', requestable: readonly number[]): number {
  return seasons === 'all' ? requestable.filter((n) => n !== 0).length : seasons.length;
}

/** `"all"` or the picked season numbers (sorted, unique); undefined when a value is not a season. */
export function parseSeasonValues(
  values: readonly string[],
  requestable: readonly number[],
): number[] | 'all' | undefined {
  if (values.includes(allSeasons)) return 'all';
  const numbers = values.map(Number);
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || !requestable.includes(n))) return undefined;
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** `seasons 1, 3` / `all seasons`. */
export const seasonsText = (seasons: readonly number[] | 'all'): string =>
  seasons === 'all'
    ? 'all seasons'
    : `season${seasons.length === 1 ? '' : 's'} ${seasons.map((n) => (n === 0 ? 'specials' : String(n))).join(', ')}`;
