import { json, message, validationFailure, type ArrRoute } from '../arr-common/arr-server.js';
import { commandRoute, enqueueCommand, sharedRoutes, type CommandRunner } from '../arr-common/arr-routes.js';
import { nextId } from '../arr-common/arr-state.js';
import { folderName, RADARR_CATALOGUE, type CatalogueMovie } from './radarr-catalogue.js';
import { searchMovies, type Lifecycle } from './radarr-lifecycle.js';
import { lookupJson, movieJson, type MovieRecord } from './radarr-movie-json.js';
import type { EmuReply } from '../arr-common/http-emulator.js';

interface AddBody {
  tmdbId?: unknown;
  title?: unknown;
  year?: unknown;
  qualityProfileId?: unknown;
  rootFolderPath?: unknown;
  path?: unknown;
  monitored?: unknown;
  minimumAvailability?: unknown;
  tags?: unknown;
  addOptions?: { searchForMovie?: unknown };
}

function lookup(life: Lifecycle, term: string): CatalogueMovie[] {
  const id = /^(tmdb|imdb):(\S+)$/i.exec(term.trim());
  if (id !== null)
    return RADARR_CATALOGUE.filter((m) =>
      id[1]?.toLowerCase() === 'tmdb' ? String(m.tmdbId) === id[2] : m.imdbId === id[2],
    );
  const text = term.toLowerCase();
  return RADARR_CATALOGUE.filter(
    (m) =>
      m.title.toLowerCase().includes(text) ||
      life.movies.some((x) => x.tmdbId === m.tmdbId && x.title.toLowerCase().includes(text)),
  );
}

const asLibraryOrLookup = (life: Lifecycle, m: CatalogueMovie) => {
  const own = life.movies.find((x) => x.tmdbId === m.tmdbId);
  return own === undefined ? lookupJson(m) : movieJson(own);
};

/** `POST /movie` with Radarr's validators (tmdbId unique, root folder exists, profile exists). */
function addMovie(life: Lifecycle, input: unknown, startSearch: (id: number) => void): EmuReply {
  const { state } = life;
  const body = input as AddBody;
  if (typeof body.tmdbId !== 'number' || body.tmdbId <= 0)
    return validationFailure('TmdbId', "'Tmdb Id' must not be equal to '0'.", body.tmdbId ?? 0);
  if (life.movies.some((m) => m.tmdbId === body.tmdbId))
    return validationFailure('TmdbId', 'This movie has already been added', body.tmdbId);
  if (!state.qualityProfiles.some((p) => p.id === body.qualityProfileId))
    return validationFailure('QualityProfileId', 'QualityProfile does not exist', body.qualityProfileId ?? 0);
  const root = typeof body.rootFolderPath === 'string' ? body.rootFolderPath.replace(/\/+$/, '') : undefined;
  if (typeof body.path !== 'string' && !state.rootFolders.some((r) => r.path.replace(/\/+$/, '') === root)) {
    return validationFailure(
      'RootFolderPath',
      `Root folder '${String(body.rootFolderPath)}' does not exist`,
      body.rootFolderPath ?? null,
    );
  }
  const known = RADARR_CATALOGUE.find((m) => m.tmdbId === body.tmdbId);
  const title = known?.title ?? (typeof body.title === 'string' ? body.title : `TMDB ${body.tmdbId}`);
  const year = known?.year ?? (typeof body.year === 'number' ? body.year : 2000);
  const movie: MovieRecord = {
    id: nextId(state, 'movie'),
    tmdbId: body.tmdbId,
    title,
    year,
    imdbId: known?.imdbId ?? '',
    qualityProfileId: Number(body.qualityProfileId),
    rootFolderPath: root ?? '',
    path: typeof body.path === 'string' ? body.path : `${root ?? ''}/${folderName(title, year)}`,
    monitored: body.monitored !== false,
    minimumAvailability: (body.minimumAvailability as MovieRecord['minimumAvailability'] | undefined) ?? 'released',
    added: state.now().toISOString(),
    tags: Array.isArray(body.tags) ? body.tags.filter((t): t is number => typeof t === 'number') : [],
  };
  life.movies.push(movie);
  if (body.addOptions?.searchForMovie === true) startSearch(movie.id);
  return { status: 201, body: movieJson(movie), headers: { Location: `/api/v3/movie/${movie.id}` } };
}

const MOVIE_COMMANDS = [
  'MoviesSearch',
  'RefreshMovie',
  'RssSync',
  'DownloadedMoviesScan',
  'RescanMovie',
  'ApplicationIndexerSync',
];

/** Radarr's routes: the shared Servarr set plus movies and a command queue that can grab. */
export function radarrRoutes(life: Lifecycle): ArrRoute[] {
  const run: CommandRunner = async (_state, c) => {
    if (c.name !== 'MoviesSearch') return 'Completed';
    const ids = Array.isArray(c.body.movieIds) ? c.body.movieIds.filter((x): x is number => typeof x === 'number') : [];
    return searchMovies(life, ids);
  };
  const command = commandRoute(MOVIE_COMMANDS, run);
  const startSearch = (movieId: number) => {
    enqueueCommand(life.state, 'MoviesSearch', { name: 'MoviesSearch', movieIds: [movieId] }, run);
  };
  return [
    ...sharedRoutes('movieId'),
    command,
    {
      method: 'GET',
      template: '/movie',
      handle: ({ req }) => {
        const tmdbId = req.url.searchParams.get('tmdbId');
        return json(life.movies.filter((m) => tmdbId === null || String(m.tmdbId) === tmdbId).map(movieJson));
      },
    },
    {
      method: 'GET',
      template: '/movie/{id}',
      handle: ({ id }) => {
        const m = life.movies.find((x) => x.id === id);
        return m === undefined ? message(404, 'Movie with ID ' + String(id) + ' does not exist') : json(movieJson(m));
      },
    },
    {
      method: 'GET',
      template: '/movie/lookup',
      handle: ({ req }) =>
        json(lookup(life, req.url.searchParams.get('term') ?? '').map((m) => asLibraryOrLookup(life, m))),
    },
    {
      method: 'GET',
      template: '/movie/lookup/tmdb',
      handle: ({ req }) => {
        const m = RADARR_CATALOGUE.find((x) => String(x.tmdbId) === req.url.searchParams.get('tmdbId'));
        return m === undefined ? message(404, 'Movie not found') : json(asLibraryOrLookup(life, m));
      },
    },
    { method: 'POST', template: '/movie', handle: ({ req }) => addMovie(life, req.body ?? {}, startSearch) },
    {
      // `/e2e` cleanup (`?deleteFiles=true` is accepted; files are the test's own).
      method: 'DELETE',
      template: '/movie/{id}',
      handle: ({ id }) => {
        const at = life.movies.findIndex((x) => x.id === id);
        if (at < 0) return message(404, 'Movie with ID ' + String(id) + ' does not exist');
        life.movies.splice(at, 1);
        return { status: 200 };
      },
    },
  ];
}
