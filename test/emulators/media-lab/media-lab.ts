import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { startQbittorrent, type LabQbittorrent } from '../../lab/index.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../overseerr/overseerr-emulator.js';
import { makeTorrent } from './make-torrent.js';
import { startPlexLab, type PlexLab } from './plex-lab.js';
import { qbAdmin, type QbAdmin } from './qbittorrent-admin.js';
import { startRadarrLab, type LabMovie, type RadarrLab } from './radarr-lab.js';

/** The hop the lab breaks (each as a real misconfiguration would show up), or none. */
export type LabBreak = 'request' | 'radarrMovie' | 'grab' | 'torrent' | 'download' | 'import' | 'plex' | 'available';

export interface MediaLabOptions {
  readonly stateDir: string;
  readonly breakAt?: LabBreak;
}

/**
 * Overseerr, Radarr and Plex emulators plus a real qBittorrent, wired like the real stack:
 * an approved Overseerr request adds the movie to Radarr, Radarr "searches" (needs an indexer)
 * and hands a real .torrent to qBittorrent (its data already in the save path, so qBittorrent
 * checks it and completes offline), a completed torrent is imported (file copied into the root
 * folder), Plex lists it and Overseerr flips the media to AVAILABLE.
 */
export interface MediaLab {
  readonly overseerr: OverseerrEmulator;
  readonly radarr: RadarrLab;
  readonly plex: PlexLab;
  readonly qbittorrent: LabQbittorrent;
  readonly rootFolder: string;
  readonly categoryPath: string;
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
}

const content = Buffer.alloc(48 * 1024, 'homelab-bot e2e test payload\n');

async function grab(g: Glue, movie: LabMovie): Promise<void> {
  const name = `${movie.title.replace(/[^\w]+/g, '.')}.${movie.year}.1080p.mkv`;
  const { torrent, infoHash } = makeTorrent(name, content);
  if (g.breakAt !== 'download') await writeFile(`${g.lab.categoryPath}/${name}`, content);
  await g.qb.addTorrent(torrent, { category: g.breakAt === 'torrent' ? 'tv-sonarr' : 'radarr', savePath: g.lab.categoryPath });
  const { state } = g.lab.radarr;
  const downloadId = infoHash.toUpperCase();
  state.queue.push({ id: state.nextId++, movieId: movie.id, title: name, downloadId, status: 'downloading', trackedDownloadState: 'downloading', trackedDownloadStatus: 'ok', statusMessages: [], protocol: 'torrent', downloadClient: 'qBittorrent' });
  state.history.push({ id: state.nextId++, movieId: movie.id, sourceTitle: name, downloadId, eventType: 'grabbed', date: new Date().toISOString() });
}

async function forwardRequests(g: Glue): Promise<void> {
  for (const request of g.lab.overseerr.requests) {
    if (request.status !== 2 || request.mediaType !== 'movie' || g.forwarded.has(request.id)) continue;
    g.forwarded.add(request.id);
    if (g.breakAt === 'request') { request.status = 4; continue; }
    if (g.breakAt === 'radarrMovie') continue;
    const title = g.lab.overseerr.state.titles.get(request.tmdbId);
    const movie = g.lab.radarr.addMovie({ title: title?.title ?? 'Unknown', year: Number(title?.date.slice(0, 4) ?? 2000), tmdbId: request.tmdbId, qualityProfileId: 4, rootFolderPath: g.lab.rootFolder, monitored: true });
    g.lab.overseerr.setMediaStatus(request.tmdbId, 3);
    if (g.lab.radarr.state.indexers.some((i) => i.enableAutomaticSearch)) await grab(g, movie);
  }
}

async function importCompleted(g: Glue): Promise<void> {
  const { state } = g.lab.radarr;
  for (const item of [...state.queue]) {
    const torrent = await g.qb.info(item.downloadId.toLowerCase());
    if (torrent === undefined || torrent.progress < 1 || g.lab.holdImport) continue;
    const movie = state.movies.find((m) => m.id === item.movieId);
    if (movie === undefined) continue;
    if (g.breakAt === 'import') {
      Object.assign(item, { status: 'warning', trackedDownloadState: 'importBlocked', trackedDownloadStatus: 'warning', statusMessages: [{ title: item.title, messages: ['No files found are eligible for import'] }] });
      continue;
    }
    await mkdir(movie.path, { recursive: true });
    const file = `${movie.path}/${item.title}`;
    await copyFile(torrent.content_path, file);
    movie.hasFile = true;
    movie.movieFile = { id: state.nextId++, movieId: movie.id, path: file, relativePath: item.title, size: content.length };
    state.queue.splice(state.queue.indexOf(item), 1);
    state.history.push({ id: state.nextId++, movieId: movie.id, sourceTitle: item.title, downloadId: item.downloadId, eventType: 'downloadFolderImported', date: new Date().toISOString() });
    if (g.breakAt !== 'plex') g.lab.plex.addItem('1', { title: movie.title, year: movie.year, tmdbId: movie.tmdbId, file });
    if (g.breakAt !== 'plex' && g.breakAt !== 'available') g.lab.overseerr.setMediaStatus(movie.tmdbId, 5);
  }
}

export async function startMediaLab(options: MediaLabOptions): Promise<MediaLab> {
  const rootFolder = `${options.stateDir}/media/movies`;
  await mkdir(rootFolder, { recursive: true });
  await mkdir(`${options.stateDir}/pids`, { recursive: true });
  const [overseerr, radarr, plex, qbittorrent] = await Promise.all([
    startOverseerrEmulator(), startRadarrLab(rootFolder), startPlexLab(rootFolder), startQbittorrent({ stateDir: options.stateDir }),
  ]);
  const categoryPath = `${options.stateDir}/qbittorrent/downloads/movies`;
  await mkdir(categoryPath, { recursive: true });
  const qb = await qbAdmin(qbittorrent.url, qbittorrent.username, qbittorrent.password);
  await qb.createCategory('radarr', categoryPath);
  await qb.createCategory('tv-sonarr', categoryPath);
  if (options.breakAt === 'grab') {
    radarr.state.indexers.length = 0;
    radarr.state.health.push({ source: 'IndexerSearchCheck', type: 'warning', message: 'No indexers available with Automatic Search enabled, Radarr will not provide any automatic search results' });
  }
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const lab: MediaLab = {
    overseerr, radarr, plex, qbittorrent, rootFolder, categoryPath, holdImport: false, glueErrors: [],
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await Promise.all([overseerr.close(), radarr.close(), plex.close(), qbittorrent.stop()]);
    },
  };
  const glue: Glue = { lab, qb, breakAt: options.breakAt, forwarded: new Set() };
  const tick = (): void => {
    forwardRequests(glue).then(() => importCompleted(glue)).catch((error: unknown) => { lab.glueErrors.push(String(error)); })
      .finally(() => { if (!closed) timer = setTimeout(tick, 100); });
  };
  tick();
  return lab;
}
