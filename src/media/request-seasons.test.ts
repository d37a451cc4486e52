import { describe, expect, it } from 'vitest';
import { parseSeasonValues, seasonCost, seasonPage, seasonsText } from './request-seasons.js';

const seasons = (n: number) => Array.from({ length: n }, (_, i) => ({ seasonNumber: i, episodeCount: 10 }));

describe('seasonPage', () => {
  it('offers "All seasons" plus every requestable season, specials named', () => {
    const p = seasonPage(seasons(4), undefined, 1);
    expect(p.options.map((o) => o.label)).toEqual(['All seasons', 'Specials', 'Season 1', 'Season 2', 'Season 3']);
    expect(p.pages).toBe(1);
  });

  it('leaves out available and requested seasons and says why', () => {
    const p = seasonPage(
      seasons(4),
      [
        { seasonNumber: 1, status: 5 },
        { seasonNumber: 2, status: 3 },
        { seasonNumber: 3, status: 7 },
      ],
      1,
    );
    expect(p.requestable).toEqual([0, 3]);
    expect(p.taken).toEqual(['Season 1: available', 'Season 2: already requested']);
  });

  it('pages past 25 options: 24 seasons per page, clamping the page number', () => {
    const first = seasonPage(seasons(50), undefined, 1);
    expect(first.options).toHaveLength(25);
    expect(first.pages).toBe(3);
    const last = seasonPage(seasons(50), undefined, 9);
    expect(last.page).toBe(3);
    expect(last.options.map((o) => o.value)).toEqual(['all', '48', '49']);
  });

  it('has no options when nothing can be requested', () => {
    expect(
      seasonPage(
        seasons(2),
        [
          { seasonNumber: 0, status: 5 },
          { seasonNumber: 1, status: 2 },
        ],
        1,
      ).options,
    ).toEqual([]);
  });
});

describe('parseSeasonValues', () => {
  it('turns "all" into Overseerr\'s sentinel and numbers into sorted unique seasons', () => {
    expect(parseSeasonValues(['3', 'all'], [1, 3])).toBe('all');
    expect(parseSeasonValues(['3', '1', '3'], [1, 3])).toEqual([1, 3]);
  });

  it('refuses empty picks and seasons that were not offered', () => {
    expect(parseSeasonValues([], [1])).toBeUndefined();
    expect(parseSeasonValues(['2'], [1])).toBeUndefined();
    expect(parseSeasonValues(['x'], [1])).toBeUndefined();
  });

  it('names seasons in words', () => {
    expect(seasonsText('all')).toBe('all seasons');
    expect(seasonsText([0, 2])).toBe('seasons specials, 2');
    expect(seasonsText([5])).toBe('season 5');
  });
});

describe('seasonCost', () => {
  it('counts "all seasons" as Overseerr does: Specials (season 0) left out, so a 3-season show uses 3', () => {
    expect(seasonCost('all', [0, 1, 2, 3])).toBe(3);
    expect(seasonCost('all', [2, 3])).toBe(2);
  });

  it('counts picked seasons one each, Specials included when picked', () => {
    expect(seasonCost([0, 1], [0, 1, 2, 3])).toBe(2);
  });
});
