import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/** What `/request movie|tv` takes: a title, `tmdb:`/`imdb:`/`tvdb:` id, a TMDB/IMDb link, `year:`. */
export const requestTitleOptions = z.object({
  title: z
    .string()
    .min(1)
    .max(300)
    .describe('Title (optionally year:1993), tmdb:603, imdb:tt0133093 or a TMDB/IMDb link'),
});

/** `/request movie <title>`: search Overseerr, pick, confirm; requested as the caller's Overseerr user. */
export const requestMovie = defineCommand({
  command: 'request',
  subcommand: 'movie',
  description: 'Request a movie (search, pick, confirm)',
  role: 'family',
  job: 'media.request-movie',
  options: requestTitleOptions,
  freeText: 'title',
});
