import type { E2eServices } from './e2e-services.js';
import type { E2eFacts } from './e2e-state.js';

/** One removal, run even when an earlier one failed. */
async function attempt(what: string, run: () => Promise<void>): Promise<string> {
  try {
    await run();
    return `removed ${what}`;
  } catch (error) {
    return `could not remove ${what}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Removes what the run created: the torrent (with data), the Radarr movie (with files) and the
 * Overseerr request and media entry, so the next `/e2e` starts clean. Returns one note per item.
 */
export async function cleanupE2e(services: E2eServices, facts: E2eFacts, tmdbId: number): Promise<string[]> {
  const notes: string[] = [];
  const { downloadId, movieId, requestId } = facts;
  if (downloadId !== undefined)
    notes.push(await attempt('the torrent', () => services.qbittorrent.deleteTorrent(downloadId)));
  if (movieId !== undefined)
    notes.push(await attempt(`Radarr movie #${movieId}`, () => services.radarr.deleteMovie(movieId)));
  // The media entry only when this run made the request (a failed run may have stopped at somebody else's).
  if (requestId === undefined) return notes;
  const name = services.names.requests;
  notes.push(await attempt(`${name} request #${requestId}`, () => services.overseerr.deleteRequest(requestId)));
  const mediaId = (await services.overseerr.movie(tmdbId).catch(() => undefined))?.mediaInfo?.id;
  if (mediaId !== undefined)
    notes.push(await attempt(`the ${name} media entry`, () => services.overseerr.deleteMedia(mediaId)));
  return notes;
}
