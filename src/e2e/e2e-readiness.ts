import type { E2eConfig } from '../config/schema.js';
import { AppError } from '../errors.js';
import type { E2eServices } from './e2e-services.js';
import { nameE2e } from './e2e-names.js';
import { isUnder, samePath } from './e2e-step.js';
import { mediaAvailable } from './overseerr-e2e.js';
import { retryTransient } from './retry-transient.js';

/** One hop's readiness, as `/e2e dry-run` reports it. */
export interface Readiness {
  readonly hop: string;
  readonly ok: boolean;
  readonly note: string;
}

type Probe = (s: E2eServices, c: E2eConfig) => Promise<string>;

/** A probe returns a note when ready and throws (or rejects) with what is wrong. */
class NotReady extends Error {}

const probes: readonly (readonly [string, Probe])[] = [
  [
    'Overseerr request',
    async (s, c) => {
      const movie = await s.overseerr.movie(c.tmdbId);
      if (movie.mediaInfo?.status === mediaAvailable)
        throw new NotReady(`tmdb ${c.tmdbId} is already available: pick another e2e.tmdbId`);
      const defaults = await s.overseerr.radarrDefaults();
      if (defaults === undefined) throw new NotReady('Overseerr has no Radarr server (Settings → Services)');
      return `"${movie.title ?? c.tmdbId}" requestable; Radarr server profile ${defaults.profileId}, folder ${defaults.rootFolder}`;
    },
  ],
  [
    'Radarr root folder and profile',
    async (s, c) => {
      const defaults = await s.overseerr.radarrDefaults();
      const root = c.rootFolder ?? defaults?.rootFolder ?? '';
      const profileId = c.qualityProfileId ?? defaults?.profileId;
      const folder = (await s.radarr.rootFolders()).find((f) => samePath(f.path, root));
      if (folder === undefined || folder.accessible === false)
        throw new NotReady(`Radarr has no accessible root folder ${root}`);
      if (!(await s.radarr.qualityProfiles()).some((p) => p.id === profileId))
        throw new NotReady(`Radarr has no quality profile ${String(profileId)}`);
      return `root folder ${root}, profile ${String(profileId)}`;
    },
  ],
  [
    'Radarr indexers (Prowlarr)',
    async (s) => {
      const searchable = (await s.radarr.indexers()).filter((i) => i.enableAutomaticSearch !== false);
      if (searchable.length === 0)
        throw new NotReady('Radarr has no indexer with automatic search: sync them from Prowlarr (Settings → Apps)');
      const issues = (await s.radarr.health()).filter((h) => /^Indexer/.test(h.source ?? ''));
      if (issues.length > 0) throw new NotReady(issues.map((h) => h.message).join('; '));
      return `${searchable.length} indexer(s): ${searchable.map((i) => i.name).join(', ')}`;
    },
  ],
  [
    'qBittorrent category',
    async (s, c) => {
      const category = (await s.qbittorrent.categories())[c.category];
      if (category === undefined) throw new NotReady(`qBittorrent has no category "${c.category}"`);
      const issues = (await s.radarr.health()).filter((h) =>
        /^(DownloadClient|RemotePathMapping|ImportMechanism)/.test(h.source ?? ''),
      );
      if (issues.length > 0) throw new NotReady(issues.map((h) => h.message).join('; '));
      return `category "${c.category}" saves to ${category.savePath === '' ? await s.qbittorrent.defaultSavePath() : category.savePath}`;
    },
  ],
  [
    'Plex movie section',
    async (s, c) => {
      const sections = (await s.library.sections()).filter(
        (x) => x.type === 'movie' && (c.plexSection === undefined || x.title === c.plexSection),
      );
      if (sections.length === 0)
        throw new NotReady(
          `${s.library.name} has no movie library${c.plexSection === undefined ? '' : ` "${c.plexSection}"`}`,
        );
      const root = c.rootFolder ?? (await s.overseerr.radarrDefaults())?.rootFolder ?? '';
      const reading = sections.find((x) => x.locations.some((l) => samePath(l, root) || isUnder(root, l)));
      return reading === undefined
        ? `libraries ${sections.map((x) => `"${x.title}"`).join(', ')} (none lists ${root}; fine if ${s.library.name} mounts it elsewhere)`
        : `library "${reading.title}" reads ${root}`;
    },
  ],
];

/** How long one hop's readiness may keep retrying a transient failure. */
const readinessBudgetMs = 10_000;

/** Checks every hop without requesting anything. */
export async function checkReadiness(services: E2eServices, config: E2eConfig): Promise<Readiness[]> {
  return Promise.all(
    probes.map(async ([hop, probe]) => {
      try {
        // A hiccup (timeout, 5xx) is tried again before the hop is called not ready.
        return {
          hop: nameE2e(hop, services.names),
          ok: true,
          note: await retryTransient(() => probe(services, config), { deadline: Date.now() + readinessBudgetMs }),
        };
      } catch (error) {
        if (error instanceof NotReady || error instanceof AppError)
          return { hop: nameE2e(hop, services.names), ok: false, note: nameE2e(error.message, services.names) };
        throw error;
      }
    }),
  );
}
