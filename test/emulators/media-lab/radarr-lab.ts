import { startJsonServer, type JsonReply, type JsonRequest } from './json-server.js';
import { radarrChecker } from './radarr-validate.js';

/** A movie as the emulator stores it (only fields that exist in Radarr's MovieResource). */
export interface LabMovie {
  readonly id: number;
  readonly title: string;
  readonly year: number;
  readonly tmdbId: number;
  monitored: boolean;
  readonly qualityProfileId: number;
  readonly rootFolderPath: string;
  readonly path: string;
  hasFile: boolean;
  movieFile?: { id: number; movieId: number; path: string; relativePath: string; size: number };
}

/** One queue record (Radarr QueueResource subset). */
export interface LabQueueItem {
  readonly id: number;
  readonly movieId: number;
  readonly title: string;
  readonly downloadId: string;
  status: 'downloading' | 'completed' | 'warning';
  trackedDownloadState: 'downloading' | 'importPending' | 'importBlocked' | 'imported';
  trackedDownloadStatus: 'ok' | 'warning';
  statusMessages: { title: string; messages: string[] }[];
  readonly protocol: 'torrent';
  readonly downloadClient: string;
}

export interface RadarrLabState {
  readonly movies: LabMovie[];
  readonly queue: LabQueueItem[];
  readonly history: { id: number; movieId: number; sourceTitle: string; downloadId: string; eventType: 'grabbed' | 'downloadFolderImported'; date: string }[];
  readonly indexers: { id: number; name: string; enableAutomaticSearch: boolean; protocol: 'torrent' }[];
  readonly rootFolders: string[];
  readonly qualityProfiles: { id: number; name: string }[];
  readonly health: { source: string; type: 'warning' | 'error'; message: string }[];
  nextId: number;
}

/** A stateful Radarr `/api/v3` subset; every 200 body is checked against Radarr's OpenAPI spec. */
export interface RadarrLab {
  readonly url: string;
  readonly apiKey: string;
  readonly state: RadarrLabState;
  readonly violations: readonly string[];
  /** What Overseerr's `POST /api/v3/movie` does: adds the movie (monitored) and searches when asked. */
  addMovie(input: { title: string; year: number; tmdbId: number; qualityProfileId: number; rootFolderPath: string; monitored: boolean }): LabMovie;
  close(): Promise<void>;
}

const apiKey = 'radarr-lab-key-0123456789abcdef';

const paged = (records: readonly unknown[]) => ({ page: 1, pageSize: 50, sortKey: 'timeleft', sortDirection: 'ascending', totalRecords: records.length, records });

type Route = readonly [method: string, template: string, handle: (state: RadarrLabState, req: JsonRequest, id: number) => JsonReply];

const movieJson = (m: LabMovie) => ({ ...m, movieFileId: m.movieFile?.id ?? 0, status: 'released', minimumAvailability: 'released', isAvailable: true, folderName: m.path, titleSlug: String(m.tmdbId), added: '2026-01-01T00:00:00Z', tags: [] });

const routes: readonly Route[] = [
  ['GET', '/api/v3/movie', (s, req) => ({ status: 200, body: s.movies.filter((m) => !req.query.has('tmdbId') || m.tmdbId === Number(req.query.get('tmdbId'))).map(movieJson) })],
  ['GET', '/api/v3/movie/{id}', (s, _req, id) => {
    const movie = s.movies.find((m) => m.id === id);
    return movie === undefined ? { status: 404, body: { message: 'NotFound' } } : { status: 200, body: movieJson(movie) };
  }],
  ['DELETE', '/api/v3/movie/{id}', (s, _req, id) => {
    const at = s.movies.findIndex((m) => m.id === id);
    if (at < 0) return { status: 404, body: { message: 'NotFound' } };
    s.movies.splice(at, 1);
    return { status: 200 };
  }],
  ['GET', '/api/v3/queue', (s, req) => {
    const ids = req.query.getAll('movieIds').map(Number);
    return { status: 200, body: paged(s.queue.filter((q) => ids.length === 0 || ids.includes(q.movieId))) };
  }],
  ['GET', '/api/v3/history', (s, req) => {
    const ids = req.query.getAll('movieIds').map(Number);
    const event = req.query.get('eventType');
    const wanted = event === null ? undefined : ({ 1: 'grabbed', 3: 'downloadFolderImported' } as Record<string, string>)[event];
    return { status: 200, body: paged(s.history.filter((h) => (ids.length === 0 || ids.includes(h.movieId)) && (wanted === undefined || h.eventType === wanted))) };
  }],
  ['GET', '/api/v3/health', (s) => ({ status: 200, body: s.health.map((h, i) => ({ id: i + 1, ...h, wikiUrl: 'https://wiki.servarr.com/radarr/system' })) })],
  ['GET', '/api/v3/indexer', (s) => ({ status: 200, body: s.indexers.map((i) => ({ ...i, implementation: 'Torznab', configContract: 'TorznabSettings', enableRss: true, enableInteractiveSearch: true, supportsRss: true, supportsSearch: true, priority: 25, fields: [], tags: [] })) })],
  ['GET', '/api/v3/rootfolder', (s) => ({ status: 200, body: s.rootFolders.map((path, i) => ({ id: i + 1, path, accessible: true, freeSpace: 1e12, unmappedFolders: [] })) })],
  ['GET', '/api/v3/qualityprofile', (s) => ({ status: 200, body: s.qualityProfiles.map((p) => ({ ...p, upgradeAllowed: false, cutoff: 1, items: [] })) })],
];

function match(method: string, path: string): { route: Route; id: number } | undefined {
  for (const route of routes) {
    if (route[0] !== method) continue;
    const m = new RegExp(`^${route[1].replace('{id}', '(\\d+)')}$`).exec(path);
    if (m !== null) return { route, id: Number(m[1] ?? 0) };
  }
  return undefined;
}

export async function startRadarrLab(rootFolder: string): Promise<RadarrLab> {
  const state: RadarrLabState = {
    movies: [], queue: [], history: [], health: [],
    indexers: [{ id: 1, name: 'LabTracker (Prowlarr)', enableAutomaticSearch: true, protocol: 'torrent' }],
    rootFolders: [rootFolder], qualityProfiles: [{ id: 4, name: 'HD-1080p' }], nextId: 1,
  };
  const violations: string[] = [];
  const check = radarrChecker();
  const server = await startJsonServer((req) => {
    if (req.headers['x-api-key'] !== apiKey) return { status: 401 };
    const found = match(req.method, req.path);
    if (found === undefined) return { status: 404, body: { message: 'NotFound' } };
    const reply = found.route[2](state, req, found.id);
    if (reply.status === 200 && reply.body !== undefined) violations.push(...check(req.method, found.route[1], reply.body));
    return reply;
  });
  return {
    url: server.url, apiKey, state, violations,
    addMovie: (input) => {
      const movie: LabMovie = { ...input, id: state.nextId++, path: `${input.rootFolderPath}/${input.title} (${input.year})`, hasFile: false };
      state.movies.push(movie);
      return movie;
    },
    close: () => server.close(),
  };
}
