import type { SeedTitle } from './overseerr-seed.js';

/** What express-openapi-validator says for a reserved character in `query` (allowReserved: false). */
export const RESERVED_MESSAGE = "Parameter 'query' must be url encoded. Its value may not contain reserved characters.";

// RFC 3986 gen-delims and sub-delims except `&` (which already split the query string) and `=` after the key.
const RESERVED = /[:/?#[\]@!$'()*+,;=]/;

export type RawQueryCheck =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

/** Checks the *raw* `query` parameter the way the real server does: `+` or raw reserved chars → 400. */
export function checkRawQuery(rawUrl: string): RawQueryCheck {
  const search = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '';
  const pair = search.split('&').find((p) => p.startsWith('query='));
  if (pair === undefined) return { ok: false, message: "request/query must have required property 'query'" };
  const raw = pair.slice('query='.length);
  if (RESERVED.test(raw)) return { ok: false, message: RESERVED_MESSAGE };
  try {
    return { ok: true, value: decodeURIComponent(raw) };
  } catch {
    return { ok: false, message: RESERVED_MESSAGE };
  }
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The search providers of server/lib/search.ts (tmdb:, imdb:, tvdb:, year:) plus a TMDB-like title match. */
export function searchTitles(titles: Iterable<SeedTitle>, query: string): SeedTitle[] {
  const all = [...titles];
  const id = /^(tmdb|imdb|tvdb):(\S+)$/i.exec(query.trim());
  if (id !== null) {
    const [, kind = '', value = ''] = id;
    const key = kind.toLowerCase();
    return all.filter((t) =>
      key === 'tmdb'
        ? String(t.tmdbId) === value
        : key === 'imdb'
          ? t.imdbId === value.toLowerCase()
          : String(t.tvdbId) === value,
    );
  }
  const year = /year:(\d{4})/.exec(query)?.[1];
  const text = fold(query.replace(/year:\d{4}/, '').trim());
  if (text === '') return [];
  return all.filter(
    (t) =>
      (fold(t.title).includes(text) || fold(t.originalTitle).includes(text)) &&
      (year === undefined || t.date.startsWith(year)),
  );
}
