/**
 * Plex Media Server emulator (JSON flavour) on 127.0.0.1:<free port>, for the endpoints in
 * `shared/contracts/plex.md`. Every 200 JSON reply is checked against zod schemas written from that
 * contract (plex-contract.ts); a violation is recorded in `violations` and the reply becomes a 500.
 *
 * Auth: `X-Plex-Token` header or query; missing/wrong → 401 with an HTML body, as Plex does.
 * Without `Accept: application/json` the server answers XML (a client that forgets the header gets
 * a non-JSON body).
 *
 * Default seed (`empty: true` skips it): section 1 `Movies` (movie, `/data/media/movies`) and section 2
 * `TV Shows` (show, `/data/media/tv`), no items; prefs `FSEventLibraryUpdatesEnabled` true,
 * `FSEventLibraryPartialScanEnabled` true, `ScheduledLibraryUpdatesEnabled` false, interval 3600.
 *
 * Seed API: addSection({title, type, locations}) → key; setLocations(key, paths); addItem(sectionKey,
 * {title, year, file, tmdbId?, imdbId?}) → ratingKey (Guid `tmdb://<id>` when given);
 * setPref(id, value) (e.g. `setPref('FSEventLibraryUpdatesEnabled', false)` = auto-scan off).
 * Observed: `state.refreshes` (every scan request). Hook: `onRefresh((sectionKey, path) => …)` runs
 * on each scan request (e.g. add the imported movie). Faults: down()/up(), hang(true),
 * override(method, path, reply).
 */
import { startHttpEmulator, type EmuReply, type EmuRequest, type HttpEmulator } from '../arr-common/http-emulator.js';
import { checkPlexReply } from './plex-contract.js';
import { routePlex } from './plex-routes.js';
import { createPlexState, type PlexSectionRecord, type PlexState } from './plex-state.js';

export interface PlexEmulatorOptions {
  readonly token?: string;
  readonly empty?: boolean;
}

export interface PlexEmulator extends HttpEmulator {
  readonly token: string;
  readonly state: PlexState;
  addSection(input: { title: string; type: 'movie' | 'show'; locations: readonly string[] }): string;
  setLocations(sectionKey: string, paths: readonly string[]): void;
  addItem(
    sectionKey: string,
    item: { title: string; year: number; file: string; tmdbId?: number; imdbId?: string },
  ): string;
  setPref(id: string, value: boolean | number | string): void;
  onRefresh(hook: ((sectionKey: string, path: string | undefined) => void) | undefined): void;
}

export const PLEX_TOKEN = 'emulatorPlexToken-abc123';

const UNAUTHORIZED: EmuReply = {
  status: 401,
  text: '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>',
  headers: { 'Content-Type': 'text/html' },
};
const XML: EmuReply = {
  status: 200,
  text: '<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer size="0"></MediaContainer>\n',
  headers: { 'Content-Type': 'text/xml;charset=utf-8' },
};

export async function startPlexEmulator(options: PlexEmulatorOptions = {}): Promise<PlexEmulator> {
  const state = createPlexState();
  const token = options.token ?? PLEX_TOKEN;
  let refreshHook: ((sectionKey: string, path: string | undefined) => void) | undefined;
  const templates = new WeakMap<EmuRequest, string>();
  const section = (key: string): PlexSectionRecord => {
    const s = state.sections.find((x) => x.key === key);
    if (s === undefined) throw new Error(`Plex emulator: no section ${key}`);
    return s;
  };
  const addSection = (input: { title: string; type: 'movie' | 'show'; locations: readonly string[] }) => {
    const key = String(state.nextKey++);
    state.sections.push({
      key,
      type: input.type,
      title: input.title,
      locations: [...input.locations],
      refreshing: false,
      items: [],
      uuid: `00000000-0000-4000-8000-${key.padStart(12, '0')}`,
    });
    return key;
  };
  if (options.empty !== true) {
    addSection({ title: 'Movies', type: 'movie', locations: ['/data/media/movies'] });
    addSection({ title: 'TV Shows', type: 'show', locations: ['/data/media/tv'] });
  }
  const handle = (req: EmuRequest): EmuReply => {
    const given = req.headers['x-plex-token'] ?? req.url.searchParams.get('X-Plex-Token');
    if (given !== token) return UNAUTHORIZED;
    const routed = routePlex(state, req, (key, path) => refreshHook?.(key, path));
    if (routed === undefined)
      return {
        status: 404,
        text: '<html><body><h1>404 Not Found</h1></body></html>',
        headers: { 'Content-Type': 'text/html' },
      };
    templates.set(req, routed.template);
    const wantsJson = (req.headers.accept ?? '').includes('application/json');
    return routed.reply.body !== undefined && !wantsJson ? XML : routed.reply;
  };
  const http = await startHttpEmulator({
    handle,
    validate: (req, reply) => checkPlexReply(templates.get(req) ?? '', reply.status, reply.body),
  });
  return Object.assign(http, {
    token,
    state,
    addSection,
    setLocations: (key: string, paths: readonly string[]) => {
      section(key).locations.splice(0, Infinity, ...paths);
    },
    addItem: (key: string, item: { title: string; year: number; file: string; tmdbId?: number; imdbId?: string }) => {
      const ratingKey = String(1000 + state.sections.reduce((n, s) => n + s.items.length, 0));
      const guids = [
        ...(item.imdbId === undefined ? [] : [`imdb://${item.imdbId}`]),
        ...(item.tmdbId === undefined ? [] : [`tmdb://${item.tmdbId}`]),
      ];
      section(key).items.push({
        ratingKey,
        title: item.title,
        year: item.year,
        file: item.file,
        guids,
        addedAt: Math.floor(Date.now() / 1000),
      });
      return ratingKey;
    },
    setPref: (id: string, value: boolean | number | string) => {
      const pref = state.prefs.get(id);
      if (pref === undefined) throw new Error(`Plex emulator: unknown pref ${id}`);
      pref.value = value;
    },
    onRefresh: (hook: ((sectionKey: string, path: string | undefined) => void) | undefined) => {
      refreshHook = hook;
    },
  });
}
