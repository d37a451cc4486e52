/** Series the emulated TVDB knows (lookup and add). */
export interface CatalogueSeries {
  readonly tvdbId: number;
  readonly tmdbId: number;
  readonly title: string;
  readonly year: number;
  readonly imdbId: string;
  /** Episodes per season (season 0 = specials). */
  readonly seasons: readonly number[];
}

export const SONARR_CATALOGUE: readonly CatalogueSeries[] = [
  { tvdbId: 70994, tmdbId: 918, title: 'M*A*S*H', year: 1972, imdbId: 'tt0068098', seasons: [2, 24, 24, 24] },
  {
    tvdbId: 81189,
    tmdbId: 1396,
    title: 'Breaking Bad',
    year: 2008,
    imdbId: 'tt0903747',
    seasons: [5, 7, 13, 13, 13, 16],
  },
  { tvdbId: 73244, tmdbId: 2316, title: 'The Office (US)', year: 2005, imdbId: 'tt0386676', seasons: [0, 6, 22] },
];

/** A series in the emulated library. */
export interface SeriesRecord {
  readonly id: number;
  readonly show: CatalogueSeries;
  readonly qualityProfileId: number;
  readonly rootFolderPath: string;
  readonly path: string;
  monitored: boolean;
  readonly seasonFolder: boolean;
  readonly seriesType: 'standard' | 'daily' | 'anime';
  readonly monitoredSeasons: Set<number>;
  readonly added: string;
  readonly tags: number[];
  /** `season:episode` keys that have a file. */
  readonly files: Set<string>;
}

const NEVER = '0001-01-01T00:00:00Z';
const slug = (s: CatalogueSeries) =>
  s.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
export const seriesFolder = (s: CatalogueSeries): string => `${s.title.replace(/[:*?"<>|/\\]/g, '')} (${s.year})`;

function seasonStats(s: CatalogueSeries, n: number, files: ReadonlySet<string>) {
  const count = s.seasons[n] ?? 0;
  const withFile = [...files].filter((k) => k.startsWith(`${n}:`)).length;
  return {
    episodeFileCount: withFile,
    episodeCount: count,
    totalEpisodeCount: count,
    sizeOnDisk: withFile * 400_000_000,
    releaseGroups: [],
    percentOfEpisodes: count === 0 ? 0 : (100 * withFile) / count,
  };
}

/** `SeriesResource`; `record` undefined = a lookup hit (no id, path or statistics). */
export function seriesJson(show: CatalogueSeries, record?: SeriesRecord) {
  const files = record?.files ?? new Set<string>();
  const seasons = show.seasons.map((_, n) => ({
    seasonNumber: n,
    monitored: record?.monitoredSeasons.has(n) ?? false,
    statistics: seasonStats(show, n, files),
  }));
  const total = show.seasons.reduce((a, b) => a + b, 0);
  return {
    ...(record === undefined ? {} : { id: record.id, path: record.path, rootFolderPath: record.rootFolderPath }),
    title: show.title,
    alternateTitles: [],
    sortTitle: show.title.toLowerCase(),
    status: 'ended',
    ended: true,
    overview: `Overview of ${show.title}.`,
    network: 'CBS',
    airTime: '21:00',
    images: [{ coverType: 'poster', remoteUrl: `https://artworks.thetvdb.com/${show.tvdbId}.jpg` }],
    originalLanguage: { id: 1, name: 'English' },
    seasons,
    year: show.year,
    qualityProfileId: record?.qualityProfileId ?? 0,
    seasonFolder: record?.seasonFolder ?? true,
    monitored: record?.monitored ?? false,
    monitorNewItems: 'all',
    useSceneNumbering: false,
    runtime: 25,
    tvdbId: show.tvdbId,
    tvRageId: 0,
    tvMazeId: 0,
    tmdbId: show.tmdbId,
    firstAired: `${show.year}-09-17T00:00:00Z`,
    seriesType: record?.seriesType ?? 'standard',
    cleanTitle: show.title.toLowerCase().replace(/[^a-z0-9]/g, ''),
    imdbId: show.imdbId,
    titleSlug: slug(show),
    folder: seriesFolder(show),
    certification: 'TV-PG',
    genres: ['Comedy'],
    tags: record?.tags ?? [],
    added: record?.added ?? NEVER,
    ratings: { votes: 1000, value: 8.3 },
    languageProfileId: 1,
    statistics: {
      seasonCount: show.seasons.filter((_, n) => n > 0).length,
      episodeFileCount: files.size,
      episodeCount: total,
      totalEpisodeCount: total,
      sizeOnDisk: files.size * 400_000_000,
      releaseGroups: [],
      percentOfEpisodes: total === 0 ? 0 : (100 * files.size) / total,
    },
  };
}

/** `EpisodeResource[]` of a library series (ids are `seriesId * 10000 + season * 100 + episode`). */
export function episodesJson(record: SeriesRecord) {
  return record.show.seasons.flatMap((count, season) =>
    Array.from({ length: count }, (_, i) => ({
      id: record.id * 10_000 + season * 100 + i + 1,
      seriesId: record.id,
      tvdbId: 0,
      episodeFileId: 0,
      seasonNumber: season,
      episodeNumber: i + 1,
      title: `Episode ${i + 1}`,
      airDate: `${record.show.year}-09-17`,
      airDateUtc: `${record.show.year}-09-17T01:00:00Z`,
      runtime: 25,
      overview: '',
      hasFile: record.files.has(`${season}:${i + 1}`),
      monitored: record.monitoredSeasons.has(season),
      unverifiedSceneNumbering: false,
    })),
  );
}
