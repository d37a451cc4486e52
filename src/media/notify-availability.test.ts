import { describe, expect, it } from 'vitest';
import { isRequestAvailable } from './notify-availability.js';
import type { NoticeRequest } from './notify-schemas.js';

const tv = (seasons: number[], mediaSeasons: [number, number][], over: Partial<NoticeRequest> = {}): NoticeRequest => ({
  id: 1,
  status: 2,
  type: 'tv',
  seasons: seasons.map((seasonNumber) => ({ seasonNumber })),
  media: { tmdbId: 918, status: 4, seasons: mediaSeasons.map(([seasonNumber, status]) => ({ seasonNumber, status })) },
  ...over,
});

describe('isRequestAvailable', () => {
  it('counts a partial-season request as available once its own seasons are (show stays partial)', () => {
    expect(
      isRequestAvailable(
        tv(
          [1, 2],
          [
            [1, 5],
            [2, 5],
            [3, 1],
          ],
        ),
      ),
    ).toBe(true);
    expect(
      isRequestAvailable(
        tv(
          [1, 2],
          [
            [1, 5],
            [2, 3],
            [3, 1],
          ],
        ),
      ),
    ).toBe(false);
  });

  it('looks at the 4K status for 4K requests and never at declined ones', () => {
    const movie: NoticeRequest = {
      id: 2,
      status: 2,
      type: 'movie',
      is4k: true,
      media: { tmdbId: 603, status: 5, status4k: 3 },
    };
    expect(isRequestAvailable(movie)).toBe(false);
    expect(isRequestAvailable({ ...movie, media: { ...movie.media, status4k: 5 } })).toBe(true);
    expect(isRequestAvailable({ ...movie, status: 3, media: { ...movie.media, status4k: 5 } })).toBe(false);
  });
});
