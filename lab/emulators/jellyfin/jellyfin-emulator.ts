/**
 * Jellyfin server emulator on 127.0.0.1:<free port>, for the endpoints the bot uses (see README.md).
 * Every JSON reply is checked with ajv against `../shared/contracts/jellyfin-openapi.json` (10.11.11,
 * read in place); a violation is recorded in `violations` and the reply becomes a 500.
 *
 * Auth as Jellyfin's `CustomAuthentication`: `Authorization: MediaBrowser …, Token="<key>"`, the legacy
 * `X-Emby-Token` header or `api_key` query; missing/wrong → 401 with an empty body.
 */
import { createOpenApiChecker } from '../arr-common/openapi-checker.js';
import { startHttpEmulator, type EmuReply, type EmuRequest, type HttpEmulator } from '../arr-common/http-emulator.js';
import { routeJellyfin, routePublic } from './jellyfin-routes.js';
import { createJellyfinState, jellyfinId, type JellyfinLibraryRecord, type JellyfinState } from './jellyfin-state.js';

export interface JellyfinEmulatorOptions {
  readonly apiKey?: string;
  /** No libraries (default: `Movies` at /data/media/movies and `Shows` at /data/media/tv). */
  readonly empty?: boolean;
}

export interface JellyfinEmulator extends HttpEmulator {
  readonly apiKey: string;
  readonly state: JellyfinState;
  addLibrary(input: { name: string; collectionType: 'movies' | 'tvshows'; locations: readonly string[] }): string;
  setLocations(libraryId: string, paths: readonly string[]): void;
  /** Library → Manage library → "Real time monitoring". */
  setRealtimeMonitor(libraryId: string, on: boolean): void;
  /** Replaces the triggers of "Scan Media Library" (none: never scheduled). */
  setScanScheduled(on: boolean): void;
  addItem(libraryId: string, item: { title: string; year: number; file: string; tmdbId?: number }): string;
  onRefresh(hook: (() => void) | undefined): void;
}

export const JELLYFIN_API_KEY = '4c1b5e0f2d7a4a36b8f0e9d1c2b3a4f5';

const TOKEN = /Token="([^"]*)"/;

/** The API key a request carries, as Jellyfin's auth handler reads it. */
function tokenOf(req: EmuRequest): string | undefined {
  const auth = req.headers.authorization ?? req.headers['x-emby-authorization'];
  const fromAuth = typeof auth === 'string' ? TOKEN.exec(auth)?.[1] : undefined;
  const legacy = req.headers['x-emby-token'];
  return (
    fromAuth ?? (typeof legacy === 'string' ? legacy : undefined) ?? req.url.searchParams.get('api_key') ?? undefined
  );
}

const UNAUTHORIZED: EmuReply = { status: 401, text: '' };
const NOT_FOUND: EmuReply = { status: 404, text: '' };

export async function startJellyfinEmulator(options: JellyfinEmulatorOptions = {}): Promise<JellyfinEmulator> {
  const state = createJellyfinState();
  const apiKey = options.apiKey ?? JELLYFIN_API_KEY;
  const checker = createOpenApiChecker('jellyfin-openapi.json', { sameBodyAs200: new Set() });
  const templates = new WeakMap<EmuRequest, string>();
  let refreshHook: (() => void) | undefined;
  const library = (id: string): JellyfinLibraryRecord => {
    const l = state.libraries.find((x) => x.id === id);
    if (l === undefined) throw new Error(`Jellyfin emulator: no library ${id}`);
    return l;
  };
  const addLibrary = (input: { name: string; collectionType: 'movies' | 'tvshows'; locations: readonly string[] }) => {
    const id = jellyfinId(state.nextId++, 'f');
    state.libraries.push({
      id,
      name: input.name,
      collectionType: input.collectionType,
      locations: [...input.locations],
      realtimeMonitor: true,
      items: [],
    });
    return id;
  };
  if (options.empty !== true) {
    addLibrary({ name: 'Movies', collectionType: 'movies', locations: ['/data/media/movies'] });
    addLibrary({ name: 'Shows', collectionType: 'tvshows', locations: ['/data/media/tv'] });
  }
  const handle = (req: EmuRequest): EmuReply => {
    const open = routePublic(state, req);
    const routed = open ?? (tokenOf(req) === apiKey ? routeJellyfin(state, req, () => refreshHook?.()) : undefined);
    if (open === undefined && tokenOf(req) !== apiKey) return UNAUTHORIZED;
    if (routed === undefined) return NOT_FOUND;
    templates.set(req, routed.template);
    return routed.reply;
  };
  const http = await startHttpEmulator({
    handle,
    validate: (req, reply) => {
      const template = templates.get(req);
      if (template === undefined || reply.body === undefined) return [];
      if (!checker.documented(req.method, template, reply.status))
        return [`${req.method} ${template} ${reply.status}: undocumented status`];
      return checker.check(req.method, template, reply.status, reply.body);
    },
  });
  return Object.assign(http, {
    apiKey,
    state,
    addLibrary,
    setLocations: (id: string, paths: readonly string[]) => {
      library(id).locations.splice(0, Infinity, ...paths);
    },
    setRealtimeMonitor: (id: string, on: boolean) => {
      library(id).realtimeMonitor = on;
    },
    setScanScheduled: (on: boolean) => {
      state.scanTriggers.splice(
        0,
        Infinity,
        ...(on ? [{ Type: 'IntervalTrigger' as const, IntervalTicks: 12 * 36_000_000_000 }] : []),
      );
    },
    addItem: (id: string, input: { title: string; year: number; file: string; tmdbId?: number }) => {
      const itemId = jellyfinId(state.nextId++, 'b');
      library(id).items.push({
        id: itemId,
        name: input.title,
        year: input.year,
        path: input.file,
        ...(input.tmdbId === undefined ? {} : { tmdbId: String(input.tmdbId) }),
      });
      return itemId;
    },
    onRefresh: (hook: (() => void) | undefined) => {
      refreshHook = hook;
    },
  });
}
