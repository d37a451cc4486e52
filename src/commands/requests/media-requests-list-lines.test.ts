import { describe, expect, it } from 'vitest';
import { progressText, requestStatusText } from './media-requests-list-lines.js';

const now = new Date('2026-05-01T12:00:00Z');

describe('/requests status lines', () => {
  it('sums several downloads into one percentage and takes the latest ETA', () => {
    const items = [
      { size: 1000, sizeLeft: 500, estimatedCompletionTime: '2026-05-01T12:10:00Z' },
      { size: 3000, sizeLeft: 500, estimatedCompletionTime: '2026-05-01T14:05:00Z' },
    ];
    expect(progressText(items, now)).toBe('⬇️ downloading 75% · about 2 h 5 min left');
  });

  it('says what a request is waiting for in plain words', () => {
    const media = { tmdbId: 1, status: 3 };
    expect(requestStatusText({ id: 1, status: 1, type: 'movie', media }, now)).toBe('⏳ waiting for approval');
    expect(requestStatusText({ id: 1, status: 2, type: 'movie', media }, now)).toBe(
      '🔎 approved, looking for a download',
    );
    expect(requestStatusText({ id: 1, status: 2, type: 'movie', media: { ...media, status: 5 } }, now)).toBe(
      '✅ available on Plex',
    );
    expect(requestStatusText({ id: 1, status: 4, type: 'movie', media }, now)).toContain('failed');
  });
});
