import { z } from 'zod';

/** A Radarr movie (library item or lookup result; `id` 0 = not in the library). Only fields we read. */
export const radarrMovieSchema = z.looseObject({
  id: z.number().optional(),
  title: z.string(),
  year: z.number().optional(),
  tmdbId: z.number(),
  imdbId: z.string().optional(),
  titleSlug: z.string().optional(),
  path: z.string().optional(),
  rootFolderPath: z.string().optional(),
  folderName: z.string().optional(),
  qualityProfileId: z.number().optional(),
  monitored: z.boolean().optional(),
  minimumAvailability: z.string().optional(),
  status: z.string().optional(),
  hasFile: z.boolean().optional(),
  movieFileId: z.number().optional(),
  movieFile: z
    .looseObject({
      id: z.number().optional(),
      path: z.string().optional(),
      relativePath: z.string().optional(),
      size: z.number().optional(),
    })
    .optional(),
});
export type RadarrMovie = z.infer<typeof radarrMovieSchema>;
