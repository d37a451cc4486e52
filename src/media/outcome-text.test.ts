import { describe, expect, it } from 'vitest';
import { ExternalError, UserError } from '../errors.js';
import { outcomeFromError, outcomeFromStatus, outcomeText, type RequestOutcome } from './outcome-text.js';

const title = 'Amélie (2001)';

describe('outcomeText', () => {
  it('distinguishes approved from pending-approval requests', () => {
    expect(outcomeText({ kind: 'created', title, approved: true })).toContain('approved');
    expect(outcomeText({ kind: 'created', title, approved: false })).toContain('waiting for an admin');
  });

  it('gives every outcome its own sentence naming the title where one is known', () => {
    const outcomes: RequestOutcome[] = [
      { kind: 'created', title, approved: true },
      { kind: 'created', title, approved: false },
      { kind: 'already-available', title },
      { kind: 'already-requested', title },
      { kind: 'nothing-to-request', title },
      { kind: 'quota', title, mediaType: 'movie' },
      { kind: 'forbidden', title, is4k: false },
      { kind: 'forbidden', title, is4k: true },
      { kind: 'duplicate', title },
      { kind: 'unreachable' },
      { kind: 'timeout' },
    ];
    const texts = outcomes.map(outcomeText);
    expect(new Set(texts).size).toBe(outcomes.length);
    for (const t of texts.slice(0, 9)) expect(t).toContain(title);
  });

  it('shows quota numbers and the per-season rule for series', () => {
    const text = outcomeText({ kind: 'quota', title: 'M*A*S*H', mediaType: 'tv', quota: { limit: 1, days: 7 } });
    expect(text).toContain('1 series request per 7 days');
    expect(text).toContain('one per season');
    expect(outcomeText({ kind: 'quota', title, mediaType: 'movie', quota: { limit: 3, days: 1 } })).toContain(
      '3 movie requests per 1 day)',
    );
  });

  it('tells the user whether a timed-out request may have gone through', () => {
    expect(outcomeText({ kind: 'timeout' })).toContain('may or may not');
    expect(outcomeText({ kind: 'unreachable' })).toContain('Nothing was requested');
  });
});

describe('outcomeFromError', () => {
  const req = { title, mediaType: 'movie' as const, is4k: true, quota: { limit: 2, days: 7 } };

  it('maps client error codes to outcomes', () => {
    expect(outcomeFromError(new ExternalError('overseerr-quota', 'x'), req)).toEqual({
      kind: 'quota',
      title,
      mediaType: 'movie',
      quota: { limit: 2, days: 7 },
    });
    expect(outcomeFromError(new ExternalError('overseerr-forbidden', 'x'), req)).toEqual({
      kind: 'forbidden',
      title,
      is4k: true,
    });
    expect(outcomeFromError(new ExternalError('overseerr-duplicate', 'x'), req)).toEqual({ kind: 'duplicate', title });
    expect(outcomeFromError(new ExternalError('overseerr-unreachable', 'x'), req)).toEqual({ kind: 'unreachable' });
    expect(outcomeFromError(new ExternalError('overseerr-timeout', 'x'), req)).toEqual({ kind: 'timeout' });
  });

  it('leaves other errors to the generic boundary', () => {
    expect(outcomeFromError(new ExternalError('overseerr-auth', 'x'), req)).toBeUndefined();
    expect(outcomeFromError(new UserError('media-query-invalid', 'x'), req)).toBeUndefined();
    expect(outcomeFromError(new Error('boom'), req)).toBeUndefined();
  });
});

describe('outcomeFromStatus', () => {
  it('reads media status numbers, treating unknown ones as requestable', () => {
    expect(outcomeFromStatus(title, 'movie', 5)).toEqual({ kind: 'already-available', title });
    expect(outcomeFromStatus(title, 'movie', 3)).toEqual({ kind: 'already-requested', title });
    expect(outcomeFromStatus(title, 'tv', 4)).toBeUndefined();
    expect(outcomeFromStatus(title, 'movie', 1)).toBeUndefined();
    expect(outcomeFromStatus(title, 'movie', 7)).toBeUndefined();
    expect(outcomeFromStatus(title, 'movie', undefined)).toBeUndefined();
  });
});
