import { UserError } from '../errors.js';

/**
 * A title search as the user typed it, turned into what Overseerr's search understands.
 * `overseerrQuery` is sent to `GET /search` as is (Overseerr resolves `tmdb:`, `imdb:`, `tvdb:`
 * prefixes and strips `year:YYYY`).
 */
export type TitleQuery =
  | {
      readonly kind: 'tmdb';
      readonly tmdbId: number;
      readonly mediaType?: 'movie' | 'tv';
      readonly overseerrQuery: string;
    }
  | { readonly kind: 'imdb'; readonly imdbId: string; readonly overseerrQuery: string }
  | { readonly kind: 'tvdb'; readonly tvdbId: number; readonly overseerrQuery: string }
  | { readonly kind: 'text'; readonly text: string; readonly year?: number; readonly overseerrQuery: string };

const ACCEPTED =
  'Accepted: a title (optionally with year:1993), tmdb:603, imdb:tt0133093, tvdb:81189, or a themoviedb.org / imdb.com link.';
const MIN_YEAR = 1870;
const MAX_YEAR = 2100;

function invalid(what: string): UserError {
  return new UserError('media-query-invalid', `${what} ${ACCEPTED}`);
}

function positiveId(raw: string, label: string): number {
  const id = Number(raw);
  if (!/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(id) || id <= 0)
    throw invalid(`"${label}:${raw}" is not a valid id.`);
  return id;
}

function fromUrl(input: string): TitleQuery {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw invalid('That link could not be read.');
  }
  const host = url.hostname.toLowerCase().replace(/^(www|m)\./, '');
  const tmdb = /^\/(movie|tv)\/(\d+)(?:[-/]|$)/.exec(url.pathname);
  if (host === 'themoviedb.org' && tmdb !== null) {
    const mediaType = tmdb[1] === 'tv' ? 'tv' : 'movie';
    const tmdbId = positiveId(tmdb[2] ?? '', 'tmdb');
    return { kind: 'tmdb', tmdbId, mediaType, overseerrQuery: `tmdb:${tmdbId}` };
  }
  const imdb = /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/title\/(tt\d{7,10})(?:\/|$)/i.exec(url.pathname);
  if (host === 'imdb.com' && imdb !== null) return imdbQuery(imdb[1] ?? '');
  throw invalid(`Links from ${host} are not understood.`);
}

function imdbQuery(raw: string): TitleQuery {
  const imdbId = raw.toLowerCase();
  if (!/^tt\d{7,10}$/.test(imdbId)) throw invalid(`"${raw}" is not an IMDb title id (tt followed by 7–10 digits).`);
  return { kind: 'imdb', imdbId, overseerrQuery: `imdb:${imdbId}` };
}

function fromText(input: string): TitleQuery {
  const yearMatch = /(?:^|\s)year:\s*(\S*)/i.exec(input);
  const text = (yearMatch === null ? input : input.replace(yearMatch[0], ' ')).replace(/\s+/g, ' ').trim();
  if (yearMatch === null) return { kind: 'text', text, overseerrQuery: text };
  const raw = yearMatch[1] ?? '';
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < MIN_YEAR || year > MAX_YEAR) throw invalid(`"year:${raw}" is not a year.`);
  if (text === '') throw invalid('year: needs a title next to it.');
  return { kind: 'text', text, year, overseerrQuery: `${text} year:${year}` };
}

/** Parses what a user typed after `/request`. Throws `UserError` (`media-query-invalid`) on bad input. */
export function parseTitleQuery(input: string): TitleQuery {
  const trimmed = input.normalize('NFC').trim();
  if (trimmed === '') throw invalid('Nothing to search for.');
  if (/^https?:\/\//i.test(trimmed)) return fromUrl(trimmed);
  const prefixed = /^(tmdb|imdb|tvdb):\s*(\S*)$/i.exec(trimmed);
  if (prefixed !== null) {
    const [, label = '', value = ''] = prefixed;
    const kind = label.toLowerCase();
    if (kind === 'imdb') return imdbQuery(value);
    const id = positiveId(value, kind);
    return kind === 'tmdb'
      ? { kind: 'tmdb', tmdbId: id, overseerrQuery: `tmdb:${id}` }
      : { kind: 'tvdb', tvdbId: id, overseerrQuery: `tvdb:${id}` };
  }
  if (/^tt\d{7,10}$/i.test(trimmed)) return imdbQuery(trimmed);
  if (trimmed.length > 200) throw invalid('That is too long for a title (200 characters at most).');
  return fromText(trimmed);
}
