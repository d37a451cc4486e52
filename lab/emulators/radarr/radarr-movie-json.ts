import { folderName, titleSlug, type CatalogueMovie } from './radarr-catalogue.js';

/** A movie in the emulated library. */
export interface MovieRecord {
  readonly id: number;
  readonly tmdbId: number;
  readonly title: string;
  readonly year: number;
  readonly imdbId: string;
  qualityProfileId: number;
  readonly rootFolderPath: string;
  readonly path: string;
  monitored: boolean;
  minimumAvailability: 'announced' | 'inCinemas' | 'released';
  readonly added: string;
  readonly tags: number[];
  movieFile?: {
    readonly id: number;
    readonly path: string;
    readonly relativePath: string;
    readonly size: number;
    readonly dateAdded: string;
  };
}

const NEVER = '0001-01-01T00:00:00Z';

/** The parts lookup results and library movies share. */
function baseJson(m: CatalogueMovie) {
  return {
    title: m.title,
    originalTitle: m.title,
    originalLanguage: { id: 1, name: 'English' },
    alternateTitles: [],
    secondaryYearSourceId: 0,
    sortTitle: m.title.toLowerCase(),
    status: 'released',
    overview: `Overview of ${m.title}.`,
    inCinemas: `${m.year}-03-31T00:00:00Z`,
    images: [{ coverType: 'poster', remoteUrl: `https://image.tmdb.org/t/p/original/${m.tmdbId}.jpg` }],
    website: '',
    year: m.year,
    youTubeTrailerId: '',
    studio: 'Emulated Pictures',
    runtime: 120,
    cleanTitle: m.title.toLowerCase().replace(/[^a-z0-9]/g, ''),
    imdbId: m.imdbId,
    tmdbId: m.tmdbId,
    titleSlug: titleSlug(m.title, m.tmdbId),
    folder: folderName(m.title, m.year),
    certification: 'R',
    genres: ['Drama'],
    keywords: [],
    ratings: {},
    popularity: 42.5,
    isAvailable: true,
  };
}

/** `MovieResource` of a lookup hit that is not in the library (`id` 0, no path). */
export function lookupJson(m: CatalogueMovie) {
  return {
    ...baseJson(m),
    id: 0,
    qualityProfileId: 0,
    hasFile: false,
    movieFileId: 0,
    monitored: false,
    minimumAvailability: 'released',
    tags: [],
    added: NEVER,
    folderName: folderName(m.title, m.year),
    statistics: { movieFileCount: 0, sizeOnDisk: 0, releaseGroups: [] },
  };
}

/** `MovieResource` of a library movie (with `movieFile` once imported). */
export function movieJson(m: MovieRecord) {
  const file = m.movieFile;
  return {
    ...baseJson(m),
    id: m.id,
    path: m.path,
    rootFolderPath: m.rootFolderPath,
    folderName: m.path,
    qualityProfileId: m.qualityProfileId,
    hasFile: file !== undefined,
    movieFileId: file?.id ?? 0,
    monitored: m.monitored,
    minimumAvailability: m.minimumAvailability,
    tags: m.tags,
    added: m.added,
    sizeOnDisk: file?.size ?? 0,
    statistics: {
      movieFileCount: file === undefined ? 0 : 1,
      sizeOnDisk: file?.size ?? 0,
      releaseGroups: file === undefined ? [] : ['EMU'],
    },
    ...(file === undefined
      ? {}
      : {
          movieFile: {
            id: file.id,
            movieId: m.id,
            relativePath: file.relativePath,
            path: file.path,
            size: file.size,
            dateAdded: file.dateAdded,
            releaseGroup: 'EMU',
            languages: [{ id: 1, name: 'English' }],
            quality: {
              quality: { id: 7, name: 'Bluray-1080p', source: 'bluray', resolution: 1080, modifier: 'none' },
              revision: { version: 1, real: 0, isRepack: false },
            },
            customFormats: [],
            customFormatScore: 0,
            indexerFlags: 0,
            qualityCutoffNotMet: false,
          },
        }),
  };
}
