import { mediaAvailable } from './overseerr-e2e.js';
import { done, fail, isUnder, need, radarrHealth, samePath, wait, type E2eStep } from './e2e-step.js';
import { queueNote } from './steps-download.js';

const mediaStatusNames: Readonly<Record<number, string>> = {
  1: 'UNKNOWN',
  2: 'PENDING',
  3: 'PROCESSING',
  4: 'PARTIALLY_AVAILABLE',
  5: 'AVAILABLE',
};

/** Radarr imported the downloaded file into the movie's folder under the root folder. */
export const importStep: E2eStep = {
  id: 'import',
  label: 'Radarr imported the file',
  expected: (scope) => `the movie has a file under ${scope.facts.rootFolder ?? '?'}`,
  poll: async (scope) => {
    const movie = await scope.services.radarr.movie(need(scope.facts, 'movieId'));
    const path = movie.movieFile?.path;
    if (movie.hasFile === true && path !== undefined) {
      const root = need(scope.facts, 'rootFolder');
      if (!isUnder(path, root))
        return fail(
          `file imported to ${path}`,
          `The movie's path is outside ${root}: move it (Radarr → Edit → Path) or fix e2e.rootFolder.`,
        );
      return done(path);
    }
    const queue = await queueNote(scope);
    return wait(queue === '' ? 'no movie file yet' : `no movie file yet; Radarr queue: ${queue}`);
  },
  diagnose: async (scope, seen) => {
    const health = await radarrHealth(
      scope,
      /^(RemotePathMapping|ImportMechanism|RootFolder|DownloadClientRootFolder|Mount)/,
    );
    return `Radarr did not import the completed download (${seen}): check Settings → Download Clients → Remote Path Mappings (qBittorrent's save path must be visible inside Radarr), Completed Download Handling, and write access to the root folder. ${health}`.trim();
  },
};

/** The media server's (Plex or Jellyfin) movie library lists the movie (by its TMDB id). */
export const plexStep: E2eStep = {
  id: 'plex',
  label: 'Plex library contains it',
  expected: (scope) =>
    `a ${scope.services.library.name} movie library${scope.config.plexSection === undefined ? '' : ` "${scope.config.plexSection}"`} listing tmdb ${scope.config.tmdbId}`,
  poll: async (scope) => {
    const { library } = scope.services;
    const sections = (await library.sections()).filter(
      (s) => s.type === 'movie' && (scope.config.plexSection === undefined || s.title === scope.config.plexSection),
    );
    if (sections.length === 0)
      return fail(
        `${library.name} has no such movie library`,
        `Create a movie library in ${library.name} for the Radarr root folder, or fix e2e.plexSection.`,
      );
    const seen: string[] = [];
    for (const section of sections) {
      const { tmdbIds, count } = await library.movieTmdbIds(section.key);
      if (tmdbIds.includes(String(scope.config.tmdbId))) return done(`${library.name} lists it in "${section.title}"`);
      seen.push(`"${section.title}" (${count} movies)`);
    }
    // The server's automatic scan may be off: ask for one scan of each section, once.
    if (scope.facts.plexRefreshed !== true) for (const section of sections) await library.scan(section.key);
    return wait(`not in ${seen.join(', ')}`, { plexRefreshed: true });
  },
  diagnose: async (scope) => {
    const { library } = scope.services;
    const root = need(scope.facts, 'rootFolder');
    const sections = (await library.sections().catch(() => [])).filter((s) => s.type === 'movie');
    const reading = sections.filter((s) => s.locations.some((l) => samePath(l, root) || isUnder(root, l)));
    if (reading.length === 0) {
      const where = sections.map((s) => `"${s.title}" reads ${s.locations.join(', ') || 'nothing'}`).join('; ');
      return `No ${library.name} movie library reads ${root} (${where}): add the folder to the library (${library.name} sees it under its own mount path), or mount the media volume into ${library.name}.`;
    }
    return library.id === 'plex'
      ? "Plex scanned but did not match the file: check the file name (Title (Year)), the section's agent, and Plex's scanner log."
      : "Jellyfin scanned but did not match the file: check the file name (Title (Year)), the library's metadata downloaders (TheMovieDb), and Jellyfin's log.";
  },
};

/** Overseerr shows the movie as AVAILABLE. */
export const availableStep: E2eStep = {
  id: 'available',
  label: 'Overseerr shows it available',
  expected: () => 'Overseerr media status AVAILABLE (5)',
  poll: async (scope) => {
    const status = (await scope.services.overseerr.movie(scope.config.tmdbId)).mediaInfo?.status ?? 1;
    const seen = `media status ${mediaStatusNames[status] ?? status}`;
    return status === mediaAvailable ? done(seen) : wait(seen);
  },
  diagnose: () =>
    Promise.resolve(
      'Overseerr has not noticed the file: run Settings → Jobs → "Plex Recently Added Scan", and check Settings → Plex (server, and the movie library enabled).',
    ),
};
