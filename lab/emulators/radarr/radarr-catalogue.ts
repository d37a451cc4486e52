/** Movies the emulated TMDB knows (lookup and add); same titles as the Overseerr emulator's seed. */
export interface CatalogueMovie {
  readonly tmdbId: number;
  readonly title: string;
  readonly year: number;
  readonly imdbId: string;
}

export const RADARR_CATALOGUE: readonly CatalogueMovie[] = [
  { tmdbId: 603, title: 'The Matrix', year: 1999, imdbId: 'tt0133093' },
  { tmdbId: 194, title: 'Amélie', year: 2001, imdbId: 'tt0211915' },
  { tmdbId: 424, title: "Schindler's List", year: 1993, imdbId: 'tt0108052' },
  { tmdbId: 56292, title: 'Mission: Impossible - Ghost Protocol', year: 2011, imdbId: 'tt1229238' },
  { tmdbId: 13804, title: 'Fast & Furious', year: 2009, imdbId: 'tt1013752' },
  { tmdbId: 949, title: 'Heat', year: 1995, imdbId: 'tt0113277' },
  { tmdbId: 31264, title: 'Heat', year: 1986, imdbId: 'tt0091183' },
];

/** Radarr's folder name `{Movie CleanTitle} ({Release Year})` with path-unsafe characters removed. */
export const folderName = (title: string, year: number): string => `${title.replace(/[:*?"<>|/\\]/g, '')} (${year})`;

/** `the-matrix-603`. */
export const titleSlug = (title: string, tmdbId: number): string =>
  `${title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${tmdbId}`;
