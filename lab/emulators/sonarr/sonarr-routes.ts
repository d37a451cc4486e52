import { commandRoute, sharedRoutes } from '../arr-common/arr-routes.js';
import { json, message, validationFailure, type ArrRoute } from '../arr-common/arr-server.js';
import { nextId, type ArrState } from '../arr-common/arr-state.js';
import type { EmuReply } from '../arr-common/http-emulator.js';
import {
  episodesJson,
  seriesFolder,
  seriesJson,
  SONARR_CATALOGUE,
  type CatalogueSeries,
  type SeriesRecord,
} from './sonarr-series.js';

interface AddBody {
  tvdbId?: unknown;
  title?: unknown;
  qualityProfileId?: unknown;
  rootFolderPath?: unknown;
  path?: unknown;
  monitored?: unknown;
  seasonFolder?: unknown;
  seriesType?: unknown;
  seasons?: unknown;
  tags?: unknown;
}

function lookup(term: string): CatalogueSeries[] {
  const id = /^tvdb:(\d+)$/i.exec(term.trim());
  if (id !== null) return SONARR_CATALOGUE.filter((s) => String(s.tvdbId) === id[1]);
  const text = term.toLowerCase();
  return SONARR_CATALOGUE.filter((s) => s.title.toLowerCase().includes(text));
}

function monitoredSeasons(show: CatalogueSeries, asked: unknown): Set<number> {
  if (!Array.isArray(asked)) return new Set(show.seasons.map((_, n) => n).filter((n) => n > 0));
  return new Set(
    asked
      .filter(
        (s): s is { seasonNumber: number; monitored: boolean } =>
          typeof s === 'object' && s !== null && (s as { monitored?: unknown }).monitored === true,
      )
      .map((s) => s.seasonNumber),
  );
}

/** `POST /series` with Sonarr's validators (title, tvdbId > 0 and unique, root folder, profile). */
function addSeries(state: ArrState, library: SeriesRecord[], input: unknown): EmuReply {
  const body = input as AddBody;
  if (typeof body.title !== 'string' || body.title === '')
    return validationFailure('Title', "'Title' must not be empty.", body.title ?? null);
  if (typeof body.tvdbId !== 'number' || body.tvdbId <= 0)
    return validationFailure('TvdbId', "'Tvdb Id' must be greater than '0'.", body.tvdbId ?? 0);
  if (library.some((s) => s.show.tvdbId === body.tvdbId))
    return validationFailure('TvdbId', 'This series has already been added', body.tvdbId);
  if (!state.qualityProfiles.some((p) => p.id === body.qualityProfileId))
    return validationFailure('QualityProfileId', 'QualityProfile does not exist', body.qualityProfileId ?? 0);
  const root = typeof body.rootFolderPath === 'string' ? body.rootFolderPath.replace(/\/+$/, '') : '';
  if (typeof body.path !== 'string' && !state.rootFolders.some((r) => r.path.replace(/\/+$/, '') === root)) {
    return validationFailure(
      'RootFolderPath',
      `Root folder '${String(body.rootFolderPath)}' does not exist`,
      body.rootFolderPath ?? null,
    );
  }
  const show = SONARR_CATALOGUE.find((s) => s.tvdbId === body.tvdbId) ?? {
    tvdbId: body.tvdbId,
    tmdbId: 0,
    title: body.title,
    year: 2000,
    imdbId: '',
    seasons: [0, 10],
  };
  const record: SeriesRecord = {
    id: nextId(state, 'series'),
    show,
    qualityProfileId: Number(body.qualityProfileId),
    rootFolderPath: root,
    path: typeof body.path === 'string' ? body.path : `${root}/${seriesFolder(show)}`,
    monitored: body.monitored !== false,
    seasonFolder: body.seasonFolder !== false,
    seriesType: body.seriesType === 'daily' || body.seriesType === 'anime' ? body.seriesType : 'standard',
    monitoredSeasons: monitoredSeasons(show, body.seasons),
    added: state.now().toISOString(),
    tags: Array.isArray(body.tags) ? body.tags.filter((t): t is number => typeof t === 'number') : [],
    files: new Set(),
  };
  library.push(record);
  return { status: 201, body: seriesJson(show, record), headers: { Location: `/api/v3/series/${record.id}` } };
}

const SERIES_COMMANDS = [
  'SeriesSearch',
  'SeasonSearch',
  'EpisodeSearch',
  'RefreshSeries',
  'DownloadedEpisodesScan',
  'RssSync',
  'ApplicationIndexerSync',
];

/** Sonarr's routes: the shared Servarr set plus series and episodes (searches complete without grabbing). */
export function sonarrRoutes(library: SeriesRecord[]): ArrRoute[] {
  const byId = (id: number) => library.find((s) => s.id === id);
  return [
    ...sharedRoutes('seriesId'),
    commandRoute(SERIES_COMMANDS, () => Promise.resolve('Completed')),
    // Sonarr v4 keeps the v3 endpoint; Overseerr's Sonarr test reads it.
    { method: 'GET', template: '/languageprofile', handle: () => json([]) },
    {
      method: 'GET',
      template: '/series',
      handle: ({ req }) => {
        const tvdbId = req.url.searchParams.get('tvdbId');
        return json(
          library.filter((s) => tvdbId === null || String(s.show.tvdbId) === tvdbId).map((s) => seriesJson(s.show, s)),
        );
      },
    },
    {
      method: 'GET',
      template: '/series/{id}',
      handle: ({ id }) => {
        const s = byId(id);
        return s === undefined ? message(404, `Series with ID ${id} does not exist`) : json(seriesJson(s.show, s));
      },
    },
    {
      method: 'GET',
      template: '/series/lookup',
      handle: ({ req }) =>
        json(
          lookup(req.url.searchParams.get('term') ?? '').map((show) => {
            const own = library.find((s) => s.show.tvdbId === show.tvdbId);
            return seriesJson(show, own);
          }),
        ),
    },
    { method: 'POST', template: '/series', handle: ({ state, req }) => addSeries(state, library, req.body ?? {}) },
    {
      method: 'GET',
      template: '/episode',
      handle: ({ req }) => {
        const s = byId(Number(req.url.searchParams.get('seriesId')));
        return s === undefined ? message(400, 'seriesId is missing or unknown') : json(episodesJson(s));
      },
    },
  ];
}
