import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { nextId, type ArrState, type QueueItem } from '../arr-common/arr-state.js';
import type { MovieRecord } from './radarr-movie-json.js';

/** What a grab hands to the `onGrab` hook (e.g. to add the torrent to a real qBittorrent). */
export interface RadarrGrab {
  readonly movie: MovieRecord;
  readonly release: {
    readonly title: string;
    readonly infoHash: string;
    readonly size: number;
    readonly indexer: string;
  };
  readonly downloadClient: {
    readonly name: string;
    readonly host: unknown;
    readonly port: unknown;
    readonly category: unknown;
  };
}

/** The hook may replace the hash (the real torrent's) and tell where qBittorrent saves it. */
export type OnGrab = (grab: RadarrGrab) => Promise<{ infoHash?: string; outputPath?: string } | undefined>;

export interface Lifecycle {
  readonly state: ArrState;
  readonly movies: MovieRecord[];
  onGrab: OnGrab | undefined;
}

const releaseTitle = (m: MovieRecord) =>
  `${m.title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '.')}.${m.year}.1080p.BluRay.x264-EMU`;

/** One movie's search: first usable indexer → release → download client → queue + `grabbed` history. */
async function grab(life: Lifecycle, movie: MovieRecord): Promise<string> {
  const { state } = life;
  const indexer = state.indexers.find(
    (i) => i.enable && i.enableAutomaticSearch && !state.failingIndexerTests.has(i.id),
  );
  if (indexer === undefined) return `${movie.title}: no indexer available, 0 reports`;
  const client = state.downloadClients.find((c) => c.enable);
  if (client === undefined) throw new Error('No download client is available');
  const title = releaseTitle(movie);
  const release = {
    title,
    infoHash: createHash('sha1').update(`radarr-emu:${movie.tmdbId}`).digest('hex'),
    size: 734_003_200,
    indexer: indexer.name,
  };
  const downloadClient = {
    name: client.name,
    host: client.fields.host,
    port: client.fields.port,
    category: client.fields.movieCategory,
  };
  const hooked = await life.onGrab?.({ movie, release, downloadClient });
  const hash = (hooked?.infoHash ?? release.infoHash).toUpperCase();
  const now = state.now().toISOString();
  const item: QueueItem = {
    id: nextId(state, 'queue'),
    movieId: movie.id,
    title,
    downloadId: hash,
    downloadClient: client.name,
    indexer: indexer.name,
    size: release.size,
    sizeleft: release.size,
    status: 'downloading',
    trackedDownloadState: 'downloading',
    trackedDownloadStatus: 'ok',
    added: now,
    ...(hooked?.outputPath === undefined ? {} : { outputPath: hooked.outputPath }),
  };
  state.queue.push(item);
  state.history.push({
    id: nextId(state, 'history'),
    movieId: movie.id,
    sourceTitle: title,
    eventType: 'grabbed',
    downloadId: hash,
    date: now,
    data: {
      indexer: indexer.name,
      downloadClient: client.implementation,
      downloadClientName: client.name,
      torrentInfoHash: hash,
      releaseGroup: 'EMU',
      size: String(release.size),
      protocol: '2',
    },
  });
  return `${movie.title}: 1 report grabbed`;
}

/** `MoviesSearch {movieIds}`: monitored movies without a file are searched, one after another. */
export async function searchMovies(life: Lifecycle, movieIds: readonly number[]): Promise<string> {
  const wanted = life.movies.filter((m) => movieIds.includes(m.id) && m.monitored && m.movieFile === undefined);
  const lines: string[] = [];
  for (const movie of wanted) lines.push(await grab(life, movie));
  return lines.length === 0 ? 'No monitored missing movies' : lines.join('; ');
}

/** Marks the movie imported: `movieFile`, queue item gone, `downloadFolderImported` history. */
export function importFile(life: Lifecycle, movieId: number, path: string, size = 734_003_200): MovieRecord {
  const { state } = life;
  const movie = life.movies.find((m) => m.id === movieId);
  if (movie === undefined) throw new Error(`Radarr emulator: no movie ${movieId}`);
  const now = state.now().toISOString();
  const relativePath = path.startsWith(`${movie.path}/`) ? path.slice(movie.path.length + 1) : posix.basename(path);
  movie.movieFile = { id: nextId(state, 'moviefile'), path, relativePath, size, dateAdded: now };
  const index = state.queue.findIndex((q) => q.movieId === movieId);
  const queued = index >= 0 ? state.queue.splice(index, 1)[0] : undefined;
  state.history.push({
    id: nextId(state, 'history'),
    movieId,
    sourceTitle: queued?.title ?? relativePath,
    eventType: 'downloadFolderImported',
    date: now,
    ...(queued === undefined ? {} : { downloadId: queued.downloadId }),
    data: {
      droppedPath: queued?.outputPath ?? path,
      importedPath: path,
      downloadClient: 'QBittorrent',
      downloadClientName: queued?.downloadClient ?? '',
    },
  });
  return movie;
}
