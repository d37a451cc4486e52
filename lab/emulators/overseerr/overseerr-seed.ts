/** Permission bits (server/lib/permissions.ts); ADMIN passes every check. */
export const PERM = {
  ADMIN: 2,
  MANAGE_USERS: 8,
  MANAGE_REQUESTS: 16,
  REQUEST: 32,
  AUTO_APPROVE: 128,
  AUTO_APPROVE_MOVIE: 256,
  AUTO_APPROVE_TV: 512,
  REQUEST_4K: 1024,
  REQUEST_4K_MOVIE: 2048,
  REQUEST_4K_TV: 4096,
  REQUEST_MOVIE: 262144,
  REQUEST_TV: 524288,
  MANAGE_ISSUES: 1048576,
  VIEW_ISSUES: 2097152,
  CREATE_ISSUES: 4194304,
} as const;

export interface SeedTitle {
  readonly tmdbId: number;
  readonly mediaType: 'movie' | 'tv';
  readonly title: string;
  readonly originalTitle: string;
  readonly date: string;
  readonly imdbId: string;
  readonly tvdbId?: number;
  /** TV only: season numbers (0 = specials). */
  readonly seasons?: readonly number[];
}

export interface SeedUser {
  readonly id: number;
  readonly email: string;
  readonly username: string;
  readonly permissions: number;
  readonly discordId?: string;
  /** Newer servers (Seerr ≥ 3.3): several Discord ids. */
  readonly discordIds?: readonly string[];
  readonly quota: { readonly movie: { limit: number; days: number }; readonly tv: { limit: number; days: number } };
  /** Requests already made in the quota window before the emulator started. */
  readonly usedMovie?: number;
}

const noQuota = { movie: { limit: 0, days: 7 }, tv: { limit: 0, days: 7 } };

/** Awkward titles: accents, apostrophe, asterisks (TV), colon, ampersand; plus a homonym pair for `year:`. */
export const SEED_TITLES: readonly SeedTitle[] = [
  {
    tmdbId: 194,
    mediaType: 'movie',
    title: 'Amélie',
    originalTitle: "Le Fabuleux Destin d'Amélie Poulain",
    date: '2001-04-25',
    imdbId: 'tt0211915',
  },
  {
    tmdbId: 424,
    mediaType: 'movie',
    title: "Schindler's List",
    originalTitle: "Schindler's List",
    date: '1993-12-15',
    imdbId: 'tt0108052',
  },
  {
    tmdbId: 918,
    mediaType: 'tv',
    title: 'M*A*S*H',
    originalTitle: 'M*A*S*H',
    date: '1972-09-17',
    imdbId: 'tt0068098',
    tvdbId: 70994,
    seasons: [0, 1, 2, 3],
  },
  {
    tmdbId: 56292,
    mediaType: 'movie',
    title: 'Mission: Impossible - Ghost Protocol',
    originalTitle: 'Mission: Impossible - Ghost Protocol',
    date: '2011-12-07',
    imdbId: 'tt1229238',
  },
  {
    tmdbId: 13804,
    mediaType: 'movie',
    title: 'Fast & Furious',
    originalTitle: 'Fast & Furious',
    date: '2009-04-02',
    imdbId: 'tt1013752',
  },
  { tmdbId: 949, mediaType: 'movie', title: 'Heat', originalTitle: 'Heat', date: '1995-12-15', imdbId: 'tt0113277' },
  { tmdbId: 31264, mediaType: 'movie', title: 'Heat', originalTitle: 'Heat', date: '1986-03-14', imdbId: 'tt0091183' },
  {
    tmdbId: 603,
    mediaType: 'movie',
    title: 'The Matrix',
    originalTitle: 'The Matrix',
    date: '1999-03-31',
    imdbId: 'tt0133093',
  },
  // More than 25 seasons: the season picker has to page.
  {
    tmdbId: 456,
    mediaType: 'tv',
    title: 'The Simpsons',
    originalTitle: 'The Simpsons',
    date: '1989-12-17',
    imdbId: 'tt0096697',
    tvdbId: 71663,
    seasons: Array.from({ length: 37 }, (_, n) => n),
  },
];

/** Media statuses at start (MediaStatus 5 = available). */
export const SEED_STATUS: ReadonlyMap<number, number> = new Map([[603, 5]]);

/** Admin (1), a family user with `discordId` (2), one with `discordIds[]` + auto-approve (3), one over quota (4), one without request permission (5), one who may request 4K movies (6), the operator olga (7, manages requests and issues). */
export const SEED_USERS: readonly SeedUser[] = [
  {
    id: 1,
    email: 'admin@home.lan',
    username: 'admin',
    permissions: PERM.ADMIN,
    discordId: '100000000000000001',
    quota: noQuota,
  },
  {
    id: 2,
    email: 'fran@home.lan',
    username: 'fran',
    permissions: PERM.REQUEST | PERM.CREATE_ISSUES,
    discordId: '200000000000000002',
    quota: { movie: { limit: 5, days: 7 }, tv: { limit: 3, days: 7 } },
  },
  {
    id: 3,
    email: 'sam@home.lan',
    username: 'sam',
    permissions: PERM.REQUEST | PERM.AUTO_APPROVE | PERM.CREATE_ISSUES,
    discordIds: ['300000000000000003', '300000000000000033'],
    quota: noQuota,
  },
  {
    id: 4,
    email: 'quinn@home.lan',
    username: 'quinn',
    permissions: PERM.REQUEST | PERM.CREATE_ISSUES,
    discordId: '400000000000000004',
    quota: { movie: { limit: 1, days: 7 }, tv: { limit: 1, days: 7 } },
    usedMovie: 1,
  },
  { id: 5, email: 'nora@home.lan', username: 'nora', permissions: 0, discordId: '500000000000000005', quota: noQuota },
  {
    id: 6,
    email: 'uma@home.lan',
    username: 'uma',
    permissions: PERM.REQUEST | PERM.REQUEST_4K_MOVIE | PERM.CREATE_ISSUES,
    discordId: '600000000000000006',
    quota: noQuota,
  },
  {
    // The operator's own account (not the admin): approves/declines and manages issues.
    id: 7,
    email: 'olga@home.lan',
    username: 'olga',
    permissions: PERM.REQUEST | PERM.AUTO_APPROVE | PERM.MANAGE_REQUESTS | PERM.MANAGE_ISSUES | PERM.CREATE_ISSUES,
    quota: noQuota,
  },
];

export const SEED_API_KEY = 'emulator-overseerr-api-key-0123456789';
