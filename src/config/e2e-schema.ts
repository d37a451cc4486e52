import type { z } from 'zod';
import { parseDuration } from './duration.js';
import { duration, flag, integer, strictObject, text } from './primitives.js';

const step = (fallback: string, what: string) => duration().default(fallback).describe(what);

/** How long each hop of `/e2e` may take before it is reported as the failing hop. */
const timeoutsSchema = strictObject({
  request: step('2m', 'Overseerr accepts and approves the request'),
  radarrMovie: step('10m', 'Radarr has the movie'),
  grab: step('30m', 'Radarr searched (via Prowlarr) and grabbed a release'),
  torrent: step('10m', 'qBittorrent has the torrent'),
  download: step('12h', 'the download completes'),
  import: step('1h', 'Radarr imports the file'),
  plex: step('1h', 'the Plex library section contains the movie'),
  available: step('2h', 'Overseerr shows the movie as available'),
});

/** `/e2e`: the end-to-end request test of the media pipeline. */
export const e2eSchema = strictObject({
  /** TMDB id of the test title (pick something small and legal, not in the library). */
  tmdbId: integer(1).describe('TMDB id of the test movie'),
  /** Radarr quality profile id the movie must get; default: Overseerr's default Radarr server profile. */
  qualityProfileId: integer(1).optional().describe('expected Radarr quality profile id'),
  /** Radarr root folder the movie must land in; default: Overseerr's default Radarr server folder. */
  rootFolder: text('expected an absolute folder path like /data/media/movies')
    .optional()
    .describe('expected Radarr root folder'),
  /** qBittorrent category Radarr uses (the download client's movieCategory). */
  category: text('expected a qBittorrent category like radarr')
    .default('radarr')
    .describe('expected qBittorrent category'),
  /** Plex library section title to look in; default: every movie section. */
  plexSection: text('expected a Plex library section title like Movies')
    .optional()
    .describe('Plex movie section title'),
  /** How often waiting steps poll; the job is parked (no worker slot) in between. */
  pollInterval: duration().default('30s').describe('poll interval'),
  /** Remove the test request, movie (with files) and torrent at the end. */
  cleanup: flag().default(true).describe('remove test artefacts afterwards'),
  timeouts: timeoutsSchema.prefault({}),
}).transform((e2e) => ({
  ...e2e,
  /** `pollInterval` in milliseconds. */
  pollIntervalMs: parseDuration(e2e.pollInterval),
  /** Per-step timeouts in milliseconds. */
  timeoutsMs: Object.fromEntries(Object.entries(e2e.timeouts).map(([k, v]) => [k, parseDuration(v)])) as Record<
    keyof typeof e2e.timeouts,
    number
  >,
}));

/** `/e2e` settings after validation. */
export type E2eConfig = z.infer<typeof e2eSchema>;
/** The step ids of `/e2e`, in pipeline order. */
export type E2eStepId = keyof E2eConfig['timeouts'];
