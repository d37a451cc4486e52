import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { startQbittorrent, type LabQbittorrent } from '../../index.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../overseerr/overseerr-emulator.js';
import { startJellyfinEmulator } from '../jellyfin/jellyfin-emulator.js';
import { startJellyseerrEmulator } from '../jellyseerr/jellyseerr-emulator.js';
import { startPlexEmulator, type PlexEmulator } from '../plex/plex-emulator.js';
import { startRadarrEmulator, type RadarrEmulator } from '../radarr/radarr-emulator.js';
import type { RadarrGrab } from '../radarr/radarr-lifecycle.js';
import { makeTorrent } from './make-torrent.js';
import { qbAdmin, type QbAdmin } from './qbittorrent-admin.js';

/** The hop the lab breaks (each as a real misconfiguration would show up), or none. */
export type LabBreak = 'request' | 'radarrMovie' | 'grab' | 'torrent' | 'download' | 'import' | 'plex' | 'available';

export interface MediaLabOptions {
  readonly stateDir: string;
  readonly breakAt?: LabBreak;
  /** Radarr's API key (default the emulator's own), e.g. the one the lab's radarr container has. */
  readonly radarrApiKey?: string;
  /** `plex` (default): Plex + Overseerr; `jellyfin`: Jellyfin + Jellyseerr. */
  readonly flavor?: 'plex' | 'jellyfin';
}

/** The lab's media server (Plex or Jellyfin emulator), as the tests and the glue use it. */
export interface LabLibrary {
  readonly name: 'Plex' | 'Jellyfin';
  readonly url: string;
  /** The token / API key (tests assert it never reaches chat). */
  readonly secret: string;
  readonly violations: readonly string[];
  /** The `media.plex` / `media.jellyfin` config entry. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Movies of the movie library: TMDB id and file. */
  movies(): { readonly tmdbId: string | undefined; readonly file: string }[];
  addMovie(item: { title: string; year: number; tmdbId: number; file: string }): void;
}

/**
 * The Overseerr, Radarr and Plex emulators plus a real qBittorrent, wired like the real stack:
 * an approved Overseerr request adds the movie to Radarr (`POST /api/v3/movie`, search on), the
 * Radarr emulator's grab hands a real .torrent to qBittorrent (its data already in the save path,
 * so qBittorrent checks it and completes offline), a completed torrent is imported (file copied
 * into the root folder), Plex lists it and Overseerr flips the media to AVAILABLE.
 */
export interface MediaLab {
  /** The request server: the Overseerr emulator, or its Jellyseerr flavour. */
  readonly overseerr: OverseerrEmulator;
  /** `media.overseerr` or `media.jellyseerr`. */
  readonly requestsKey: 'overseerr' | 'jellyseerr';
  readonly radarr: RadarrEmulator;
  readonly library: LabLibrary;
  /** The Plex emulator itself (Plex flavour only; the demo seeds more sections into it). */
  readonly plex?: PlexEmulator;
  /** `media.plex` or `media.jellyfin`. */
  readonly libraryKey: 'plex' | 'jellyfin';
  readonly qbittorrent: LabQbittorrent;
  readonly rootFolder: string;
  readonly categoryPath: string;
  readonly plexSection: string;
  /** While true, completed downloads are not imported (the run waits at "import"). */
  holdImport: boolean;
  /** Errors of the glue itself (tests assert there are none). */
  readonly glueErrors: string[];
  close(): Promise<void>;
}

interface Glue {
  readonly lab: MediaLab;
  readonly qb: QbAdmin;
  readonly breakAt: LabBreak | undefined;
  readonly forwarded: Set<number>;
  readonly blocked: Set<number>;
}

const content = Buffer.alloc(48 * 1024, 'homelab-bot e2e test payload\n');

/** Radarr's grab → a real torrent of a small file in qBittorrent (data in place unless "download" is broken). */
async function onGrab(g: Glue, grab: RadarrGrab): Promise<{ infoHash: string; outputPath: string }> {
  const name = `${grab.release.title}.mkv`;
  const { torrent, infoHash } = makeTorrent(name, content);
  if (g.breakAt !== 'download') await writeFile(`${g.lab.categoryPath}/${name}`, content);
  await g.qb.addTorrent(torrent, {
    category: g.breakAt === 'torrent' ? 'tv-sonarr' : String(grab.downloadClient.category),
    savePath: g.lab.categoryPath,
  });
  return { infoHash, outputPath: `${g.lab.categoryPath}/${name}` };
}

/** What Overseerr does after approving: `POST /api/v3/movie` with its default profile and folder. */
async function forwardRequests(g: Glue): Promise<void> {
  for (const request of g.lab.overseerr.requests) {
    if (request.status !== 2 || request.mediaType !== 'movie' || g.forwarded.has(request.id)) continue;
    g.forwarded.add(request.id);
    if (g.breakAt === 'radarrMovie') continue;
    const title = g.lab.overseerr.state.titles.get(request.tmdbId);
    const body = {
      title: title?.title ?? 'Unknown',
      year: Number(title?.date.slice(0, 4) ?? 2000),
      tmdbId: request.tmdbId,
      qualityProfileId: 4,
      rootFolderPath: g.lab.rootFolder,
      monitored: true,
      addOptions: { searchForMovie: true },
    };
    const res = await fetch(`${g.lab.radarr.url}/api/v3/movie`, {
      method: 'POST',
      headers: { 'X-Api-Key': g.lab.radarr.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`radarr add movie: HTTP ${res.status} ${await res.text()}`);
    g.lab.overseerr.setMediaStatus(request.tmdbId, 3);
  }
}

async function importCompleted(g: Glue): Promise<void> {
  const { radarr, library, overseerr } = g.lab;
  for (const item of [...radarr.state.queue]) {
    const torrent = await g.qb.info(item.downloadId.toLowerCase());
    const movie = radarr.movies.find((m) => m.id === item.movieId);
    if (
      torrent === undefined ||
      torrent.progress < 1 ||
      g.lab.holdImport ||
      movie === undefined ||
      g.blocked.has(movie.id)
    )
      continue;
    if (g.breakAt === 'import') {
      g.blocked.add(movie.id);
      radarr.setQueue(movie.id, {
        status: 'warning',
        trackedDownloadState: 'importBlocked',
        trackedDownloadStatus: 'warning',
        errorMessage: 'No files found are eligible for import',
      });
      continue;
    }
    await mkdir(movie.path, { recursive: true });
    const file = `${movie.path}/${item.title}.mkv`;
    await copyFile(torrent.content_path, file);
    radarr.importFile(movie.id, file, content.length);
    if (g.breakAt !== 'plex') library.addMovie({ title: movie.title, year: movie.year, tmdbId: movie.tmdbId, file });
    if (g.breakAt !== 'plex' && g.breakAt !== 'available') overseerr.setMediaStatus(movie.tmdbId, 5);
  }
}

/** The request server and media server of a flavour, with one movie library reading `rootFolder`. */
async function startServers(
  flavor: 'plex' | 'jellyfin',
  rootFolder: string,
): Promise<{
  overseerr: OverseerrEmulator;
  library: LabLibrary;
  plex?: PlexEmulator;
  plexSection: string;
  close(): Promise<void>;
}> {
  if (flavor === 'jellyfin') {
    const jellyfin = await startJellyfinEmulator({ empty: true });
    const section = jellyfin.addLibrary({ name: 'Movies', collectionType: 'movies', locations: [rootFolder] });
    const overseerr = await startJellyseerrEmulator({ jellyfin });
    const movies = () => jellyfin.state.libraries.find((l) => l.id === section)?.items ?? [];
    return {
      overseerr,
      plexSection: section,
      close: async () => {
        await Promise.all([overseerr.close(), jellyfin.close()]);
      },
      library: {
        name: 'Jellyfin',
        url: jellyfin.url,
        secret: jellyfin.apiKey,
        violations: jellyfin.violations,
        config: { url: jellyfin.url, apiKey: jellyfin.apiKey },
        movies: () => movies().map((i) => ({ tmdbId: i.tmdbId, file: i.path })),
        addMovie: (item) => {
          jellyfin.addItem(section, item);
        },
      },
    };
  }
  const [overseerr, plex] = await Promise.all([startOverseerrEmulator(), startPlexEmulator({ empty: true })]);
  const section = plex.addSection({ title: 'Movies', type: 'movie', locations: [rootFolder] });
  const items = () => plex.state.sections.find((x) => x.key === section)?.items ?? [];
  return {
    overseerr,
    plex,
    plexSection: section,
    close: async () => {
      await Promise.all([overseerr.close(), plex.close()]);
    },
    library: {
      name: 'Plex',
      url: plex.url,
      secret: plex.token,
      violations: plex.violations,
      config: { url: plex.url, token: plex.token },
      movies: () =>
        items().map((i) => ({
          tmdbId: i.guids.find((g) => g.startsWith('tmdb://'))?.slice('tmdb://'.length),
          file: i.file,
        })),
      addMovie: (item) => {
        plex.addItem(section, item);
      },
    },
  };
}

/** The Plex flavour's lab, with its Plex emulator. */
export type PlexMediaLab = MediaLab & { readonly plex: PlexEmulator };

export async function startMediaLab(options: MediaLabOptions & { readonly flavor?: 'plex' }): Promise<PlexMediaLab>;
export async function startMediaLab(options: MediaLabOptions): Promise<MediaLab>;
export async function startMediaLab(options: MediaLabOptions): Promise<MediaLab> {
  const rootFolder = `${options.stateDir}/media/movies`;
  const categoryPath = `${options.stateDir}/qbittorrent/downloads/movies`;
  await mkdir(rootFolder, { recursive: true });
  await mkdir(`${options.stateDir}/pids`, { recursive: true });
  const [servers, radarr, qbittorrent] = await Promise.all([
    startServers(options.flavor ?? 'plex', rootFolder),
    startRadarrEmulator({
      rootFolder,
      ...(options.radarrApiKey === undefined ? {} : { apiKey: options.radarrApiKey }),
    }),
    startQbittorrent({ stateDir: options.stateDir }),
  ]);
  const { overseerr, library, plexSection, plex } = servers;
  await mkdir(categoryPath, { recursive: true });
  const qb = await qbAdmin(qbittorrent.url, qbittorrent.username, qbittorrent.password);
  await qb.createCategory('radarr', categoryPath);
  await qb.createCategory('tv-sonarr', categoryPath);
  if (options.breakAt === 'grab') {
    for (const indexer of [...radarr.state.indexers]) radarr.removeIndexer(indexer.id);
    radarr.setHealth([
      {
        source: 'IndexerSearchCheck',
        type: 'warning',
        message:
          'No indexers available with Automatic Search enabled, Radarr will not provide any automatic search results',
      },
    ]);
  }
  if (options.breakAt === 'request') await overseerr.down();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const lab: MediaLab = {
    overseerr,
    requestsKey: options.flavor === 'jellyfin' ? 'jellyseerr' : 'overseerr',
    radarr,
    library,
    ...(plex === undefined ? {} : { plex }),
    libraryKey: options.flavor === 'jellyfin' ? 'jellyfin' : 'plex',
    qbittorrent,
    rootFolder,
    categoryPath,
    holdImport: false,
    glueErrors: [],
    plexSection,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await Promise.all([servers.close(), radarr.close(), qbittorrent.stop()]);
    },
  };
  const glue: Glue = { lab, qb, breakAt: options.breakAt, forwarded: new Set(), blocked: new Set() };
  radarr.onGrab((grab) => onGrab(glue, grab));
  const tick = (): void => {
    forwardRequests(glue)
      .then(() => importCompleted(glue))
      .catch((error: unknown) => {
        lab.glueErrors.push(String(error));
      })
      .finally(() => {
        if (!closed) timer = setTimeout(tick, 100);
      });
  };
  tick();
  return lab;
}
