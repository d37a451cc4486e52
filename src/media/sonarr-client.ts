import { z } from 'zod';
import type { ArrClientOptions } from './arr-api.js';
import { createArrClient, type ArrClient } from './arr-client.js';
import { sonarrEpisodeSchema, sonarrSeriesSchema, type SonarrEpisode, type SonarrSeries } from './sonarr-schemas.js';

/** What `POST /series` needs. */
export interface NewSonarrSeries {
  readonly tvdbId: number;
  readonly title: string;
  readonly qualityProfileId: number;
  readonly rootFolderPath: string;
  readonly monitored?: boolean;
  readonly seasonFolder?: boolean;
  readonly seriesType?: 'standard' | 'daily' | 'anime';
  /** Seasons to monitor (others unmonitored); all when omitted. */
  readonly seasons?: readonly { readonly seasonNumber: number; readonly monitored: boolean }[];
  readonly tags?: readonly number[];
  /** Sonarr searches for missing episodes right after adding when true. */
  readonly searchForMissingEpisodes?: boolean;
}

/** Sonarr v4 `/api/v3`: the shared Servarr methods plus series and episodes. */
export interface SonarrClient extends ArrClient {
  /** `GET /series` (optionally `?tvdbId=`). */
  series(tvdbId?: number, signal?: AbortSignal): Promise<SonarrSeries[]>;
  seriesById(id: number, signal?: AbortSignal): Promise<SonarrSeries>;
  /** `GET /series/lookup?term=` (e.g. `tvdb:70994` or a title). */
  lookup(term: string, signal?: AbortSignal): Promise<SonarrSeries[]>;
  addSeries(series: NewSonarrSeries, signal?: AbortSignal): Promise<SonarrSeries>;
  episodes(seriesId: number, signal?: AbortSignal): Promise<SonarrEpisode[]>;
}

export function createSonarrClient(options: ArrClientOptions): SonarrClient {
  const core = createArrClient('Sonarr', options);
  const { api } = core;
  return {
    ...core,
    series: (tvdbId, signal) =>
      api.get('/series', z.array(sonarrSeriesSchema), tvdbId === undefined ? undefined : { tvdbId }, signal),
    seriesById: (id, signal) => api.get(`/series/${id}`, sonarrSeriesSchema, undefined, signal),
    lookup: (term, signal) => api.get('/series/lookup', z.array(sonarrSeriesSchema), { term }, signal),
    addSeries: (
      {
        searchForMissingEpisodes = false,
        monitored = true,
        seasonFolder = true,
        seriesType = 'standard',
        tags = [],
        seasons,
        ...rest
      },
      signal,
    ) =>
      api.post(
        '/series',
        sonarrSeriesSchema,
        {
          ...rest,
          monitored,
          seasonFolder,
          seriesType,
          tags,
          ...(seasons === undefined ? {} : { seasons }),
          addOptions: {
            monitor: seasons === undefined ? 'all' : 'none',
            searchForMissingEpisodes,
            searchForCutoffUnmetEpisodes: false,
          },
        },
        signal,
      ),
    episodes: (seriesId, signal) => api.get('/episode', z.array(sonarrEpisodeSchema), { seriesId }, signal),
  };
}
