import { z } from 'zod';

/** A Sonarr series (library item or lookup result; no `id` / `id` 0 = not in the library). Only fields we read. */
export const sonarrSeriesSchema = z.looseObject({
  id: z.number().optional(),
  title: z.string(),
  year: z.number().optional(),
  tvdbId: z.number(),
  tmdbId: z.number().optional(),
  imdbId: z.string().optional(),
  titleSlug: z.string().optional(),
  path: z.string().optional(),
  rootFolderPath: z.string().optional(),
  qualityProfileId: z.number().optional(),
  monitored: z.boolean().optional(),
  seasonFolder: z.boolean().optional(),
  seriesType: z.string().optional(),
  status: z.string().optional(),
  seasons: z.array(z.looseObject({ seasonNumber: z.number(), monitored: z.boolean().optional() })).default([]),
  statistics: z
    .looseObject({
      episodeFileCount: z.number().optional(),
      episodeCount: z.number().optional(),
      totalEpisodeCount: z.number().optional(),
      percentOfEpisodes: z.number().optional(),
    })
    .optional(),
});
export type SonarrSeries = z.infer<typeof sonarrSeriesSchema>;

export const sonarrEpisodeSchema = z.looseObject({
  id: z.number(),
  seriesId: z.number(),
  seasonNumber: z.number(),
  episodeNumber: z.number(),
  title: z.string().optional(),
  hasFile: z.boolean().optional(),
  monitored: z.boolean().optional(),
});
export type SonarrEpisode = z.infer<typeof sonarrEpisodeSchema>;
