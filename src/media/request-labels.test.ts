import { describe, expect, it } from 'vitest';
import { mayRequest4k } from './request-permissions.js';
import { mediaStatusText, resultOption, titleWithYear } from './request-labels.js';

describe('resultOption', () => {
  it('labels a hit with title and year and describes its status', () => {
    expect(
      resultOption({
        id: 194,
        mediaType: 'movie',
        title: 'Amélie',
        releaseDate: '2001-04-25',
        mediaInfo: { status: 5 },
      }),
    ).toEqual({ label: 'Amélie (2001)', value: '194', description: 'available' });
    expect(
      resultOption({ id: 918, mediaType: 'tv', name: 'M*A*S*H', firstAirDate: '1972-09-17', overview: '' }).description,
    ).toBe('not requested yet');
  });

  it("keeps labels and descriptions within Discord's 100 characters", () => {
    const o = resultOption({ id: 1, mediaType: 'movie', title: 'x'.repeat(300), overview: 'y'.repeat(300) });
    expect(o.label).toHaveLength(100);
    expect(o.description).toHaveLength(100);
  });
});

describe('status words', () => {
  it('treats unknown status numbers as not requested', () => {
    expect(mediaStatusText({ status: 7 })).toBe('not requested yet');
    expect(mediaStatusText({ status: 5, status4k: 2 })).toBe('available; 4K: requested, waiting for approval');
    expect(titleWithYear('Heat', undefined)).toBe('Heat');
  });
});

describe('mayRequest4k', () => {
  it('needs ADMIN, REQUEST_4K or the type-specific 4K bit', () => {
    expect(mayRequest4k(32, 'movie')).toBe(false);
    expect(mayRequest4k(32 | 2048, 'movie')).toBe(true);
    expect(mayRequest4k(32 | 2048, 'tv')).toBe(false);
    expect(mayRequest4k(1024, 'tv')).toBe(true);
    expect(mayRequest4k(2, 'tv')).toBe(true);
    expect(mayRequest4k(undefined, 'movie')).toBe(false);
  });
});
