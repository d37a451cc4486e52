import { ExternalError } from '../errors.js';
import { mediaAvailable } from './overseerr-e2e.js';
import { done, fail, need, samePath, wait, type E2eStep, type Poll, type StepScope } from './e2e-step.js';

const statusNames: Readonly<Record<number, string>> = {
  1: 'pending approval',
  2: 'approved',
  3: 'declined',
  4: 'failed',
};

async function expectations(scope: StepScope): Promise<{ profileId: number; rootFolder: string } | undefined> {
  const { qualityProfileId, rootFolder } = scope.config;
  if (qualityProfileId !== undefined && rootFolder !== undefined) return { profileId: qualityProfileId, rootFolder };
  const defaults = await scope.services.overseerr.radarrDefaults();
  if (defaults === undefined) return undefined;
  return { profileId: qualityProfileId ?? defaults.profileId, rootFolder: rootFolder ?? defaults.rootFolder };
}

async function requestIdFor(scope: StepScope): Promise<number | Poll> {
  if (scope.facts.requestId !== undefined) return scope.facts.requestId;
  const tmdbId = scope.config.tmdbId;
  const movie = await scope.services.overseerr.movie(tmdbId);
  if (movie.mediaInfo?.status === mediaAvailable) {
    return fail(
      `tmdb ${tmdbId} is already AVAILABLE in Overseerr`,
      'Set e2e.tmdbId to a movie that is not in the library, or delete the movie in Radarr and its media entry in Overseerr first.',
    );
  }
  const existing = movie.mediaInfo?.requests?.[0];
  if (scope.facts.requestSent !== true) {
    // Never adopt (and later clean up) somebody else's request for the test title.
    if (existing !== undefined) {
      return fail(
        `tmdb ${tmdbId} is already requested (request #${existing.id})`,
        'Set e2e.tmdbId to a movie nobody has requested, or remove that request in Overseerr first.',
      );
    }
    return { kind: 'wait', seen: 'sending the request', facts: { requestSent: true }, soon: true };
  }
  // A request seen now was made by this run (a crash may have hit between POST and saving its id).
  if (existing !== undefined) return existing.id;
  const created = await scope.services.overseerr.requestMovie(tmdbId).catch((error: unknown) => {
    // A 4xx refusal (permission, quota, validation) will not change by asking again; a 5xx was retried and is thrown on.
    if (error instanceof ExternalError && error.code === 'overseerr-request-refused')
      return fail(
        error.message,
        "Give the API key's owner (the Overseerr admin) permission to request movies, or fix e2e.tmdbId.",
      );
    throw error;
  });
  if ('kind' in created) return created;
  if (!created.duplicate) return created.request.id;
  const again = (await scope.services.overseerr.movie(tmdbId)).mediaInfo?.requests?.[0];
  return (
    again?.id ??
    fail(
      'Overseerr says the movie is already requested but lists no request',
      'Delete the stale media entry in Overseerr (Media → … → Clear data) and run /e2e again.',
    )
  );
}

/** Overseerr accepted and approved the request for the test title. */
export const requestStep: E2eStep = {
  id: 'request',
  label: 'Overseerr request approved',
  expected: (scope) => `a movie request for tmdb ${scope.config.tmdbId} with status approved`,
  poll: async (scope) => {
    const id = await requestIdFor(scope);
    if (typeof id !== 'number') return id;
    const request = await scope.services.overseerr.request(id);
    const seen = `request #${id} ${statusNames[request.status] ?? `status ${request.status}`}`;
    if (request.status === 3)
      return fail(seen, 'The request was declined in Overseerr; approve it or use another e2e.tmdbId.');
    if (request.status === 4)
      return fail(
        seen,
        'Overseerr could not send the movie to Radarr: Overseerr → Settings → Services → Radarr → Test, and check its default profile and root folder.',
      );
    if (request.status !== 2) return wait(seen, { requestId: id });
    const expected = await expectations(scope);
    if (expected === undefined)
      return fail(
        `${seen}, but Overseerr has no (non-4K) Radarr server`,
        'Add Radarr in Overseerr → Settings → Services, or set e2e.qualityProfileId and e2e.rootFolder.',
      );
    const movie = await scope.services.overseerr.movie(scope.config.tmdbId);
    return done(seen, {
      requestId: id,
      profileId: expected.profileId,
      rootFolder: expected.rootFolder,
      ...(movie.title === undefined ? {} : { title: movie.title }),
    });
  },
  diagnose: () =>
    Promise.resolve('Approve the request in Overseerr, or give the API key owner auto-approve for movies.'),
};

/** Radarr has the movie, monitored, with the expected quality profile and root folder. */
export const radarrMovieStep: E2eStep = {
  id: 'radarrMovie',
  label: 'Radarr has the movie',
  expected: (scope) =>
    `a monitored Radarr movie tmdb ${scope.config.tmdbId}, quality profile ${scope.facts.profileId ?? '?'}, root folder ${scope.facts.rootFolder ?? '?'}`,
  poll: async (scope) => {
    const movie = await scope.services.radarr.movieByTmdb(scope.config.tmdbId);
    if (movie === undefined) return wait(`Radarr has no movie with tmdb ${scope.config.tmdbId}`);
    const root = need(scope.facts, 'rootFolder');
    const wrong = [
      movie.monitored ? undefined : 'not monitored',
      movie.qualityProfileId === scope.facts.profileId ? undefined : `quality profile ${movie.qualityProfileId}`,
      movie.rootFolderPath === undefined || samePath(movie.rootFolderPath, root)
        ? undefined
        : `root folder ${movie.rootFolderPath}`,
    ].filter((w) => w !== undefined);
    if (wrong.length > 0) {
      return fail(
        `Radarr movie #${movie.id}: ${wrong.join(', ')}`,
        'Align Overseerr → Settings → Services → Radarr (default quality profile, root folder) with e2e.qualityProfileId / e2e.rootFolder, and keep "monitored" on.',
      );
    }
    return done(`movie #${movie.id}, monitored`, { movieId: movie.id });
  },
  diagnose: async (scope) => {
    const request =
      scope.facts.requestId === undefined
        ? undefined
        : await scope.services.overseerr.request(scope.facts.requestId).catch(() => undefined);
    const state = request === undefined ? '' : ` (request status: ${statusNames[request.status] ?? request.status})`;
    return `Overseerr did not add the movie to Radarr${state}: Overseerr → Settings → Services → Radarr → Test, then retry the request; see Overseerr's log for the Radarr error.`;
  },
};
