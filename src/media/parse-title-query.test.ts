import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { parseTitleQuery } from './parse-title-query.js';

describe('parseTitleQuery', () => {
  it('keeps awkward titles verbatim (apostrophe, colon, ampersand, asterisk, unicode)', () => {
    for (const title of [
      "Schindler's List",
      'Mission: Impossible',
      'Fast & Furious',
      'M*A*S*H',
      'Amélie',
      '千と千尋の神隠し',
    ]) {
      expect(parseTitleQuery(`  ${title} `)).toEqual({ kind: 'text', text: title, overseerrQuery: title });
    }
  });

  it('normalises decomposed unicode to NFC', () => {
    expect(parseTitleQuery('Ame\u0301lie')).toMatchObject({ text: 'Amélie' });
  });

  it('reads tmdb:, imdb:, tvdb: prefixes case-insensitively', () => {
    expect(parseTitleQuery('TMDB: 603')).toEqual({ kind: 'tmdb', tmdbId: 603, overseerrQuery: 'tmdb:603' });
    expect(parseTitleQuery('imdb:TT0133093')).toEqual({
      kind: 'imdb',
      imdbId: 'tt0133093',
      overseerrQuery: 'imdb:tt0133093',
    });
    expect(parseTitleQuery('tvdb:81189')).toEqual({ kind: 'tvdb', tvdbId: 81189, overseerrQuery: 'tvdb:81189' });
    expect(parseTitleQuery('tt0108052')).toMatchObject({ kind: 'imdb', imdbId: 'tt0108052' });
  });

  it('turns TMDB and IMDb links into ids, keeping the TMDB media type', () => {
    expect(parseTitleQuery('https://www.themoviedb.org/tv/918-m-a-s-h?language=de')).toEqual({
      kind: 'tmdb',
      tmdbId: 918,
      mediaType: 'tv',
      overseerrQuery: 'tmdb:918',
    });
    expect(parseTitleQuery('https://themoviedb.org/movie/194')).toMatchObject({ tmdbId: 194, mediaType: 'movie' });
    expect(parseTitleQuery('https://m.imdb.com/de/title/tt0211915/?ref_=nv')).toMatchObject({
      kind: 'imdb',
      imdbId: 'tt0211915',
    });
    expect(parseTitleQuery('http://www.imdb.com/title/tt0108052')).toMatchObject({ imdbId: 'tt0108052' });
  });

  it('extracts year: anywhere in the text', () => {
    expect(parseTitleQuery('year:1993 Jurassic Park')).toEqual({
      kind: 'text',
      text: 'Jurassic Park',
      year: 1993,
      overseerrQuery: 'Jurassic Park year:1993',
    });
    expect(parseTitleQuery("Schindler's List year: 1993")).toMatchObject({ text: "Schindler's List", year: 1993 });
  });

  it.each([
    ['', 'Nothing to search for'],
    ['   ', 'Nothing to search for'],
    ['tmdb:abc', 'not a valid id'],
    ['tmdb:0', 'not a valid id'],
    ['tmdb:-5', 'not a valid id'],
    ['imdb:nm0000123', 'not an IMDb title id'],
    ['imdb:', 'not an IMDb title id'],
    ['Heat year:93', 'not a year'],
    ['Heat year:3000', 'not a year'],
    ['year:1995', 'needs a title'],
    ['https://example.com/movie/5', 'example.com'],
    ['https://www.imdb.com/name/nm0000123/', 'imdb.com'],
    ['https://', 'could not be read'],
    ['x'.repeat(201), 'too long'],
  ])('rejects %j with a message naming the problem and what is accepted', (input, fragment) => {
    const run = () => parseTitleQuery(input);
    expect(run).toThrow(UserError);
    expect(run).toThrow(fragment);
    expect(run).toThrow('Accepted:');
  });
});
