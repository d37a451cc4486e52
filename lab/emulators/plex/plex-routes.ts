import type { EmuReply, EmuRequest } from '../arr-common/http-emulator.js';
import type { PlexItemRecord, PlexSectionRecord, PlexState } from './plex-state.js';

const T0 = 1_767_225_600;
const ok = (MediaContainer: Record<string, unknown>): EmuReply => ({ status: 200, body: { MediaContainer } });
const notFound: EmuReply = {
  status: 404,
  text: '<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>',
  headers: { 'Content-Type': 'text/html' },
};

function directoryJson(s: PlexSectionRecord) {
  const movie = s.type === 'movie';
  return {
    allowSync: true,
    art: `/:/resources/${s.type}-fanart.jpg`,
    filters: true,
    refreshing: s.refreshing,
    thumb: `/:/resources/${s.type}.png`,
    key: s.key,
    type: s.type,
    title: s.title,
    agent: movie ? 'tv.plex.agents.movie' : 'tv.plex.agents.series',
    scanner: movie ? 'Plex Movie' : 'Plex TV Series',
    language: 'en-US',
    uuid: s.uuid,
    updatedAt: T0,
    createdAt: T0,
    scannedAt: T0,
    content: true,
    directory: true,
    hidden: 0,
    Location: s.locations.map((path, i) => ({ id: Number(s.key) * 100 + i, path })),
  };
}

export function itemJson(s: PlexSectionRecord, i: PlexItemRecord, withGuids: boolean) {
  return {
    ratingKey: i.ratingKey,
    key: `/library/metadata/${i.ratingKey}`,
    guid: `plex://${s.type}/${i.ratingKey.padStart(24, '0')}`,
    type: s.type,
    title: i.title,
    year: i.year,
    addedAt: i.addedAt,
    updatedAt: i.addedAt,
    librarySectionID: Number(s.key),
    ...(withGuids ? { Guid: i.guids.map((id) => ({ id })) } : {}),
    Media: [
      {
        id: Number(i.ratingKey) * 10,
        Part: [
          {
            id: Number(i.ratingKey) * 10 + 1,
            file: i.file,
            size: 734_003_200,
            container: i.file.split('.').pop() ?? 'mkv',
          },
        ],
      },
    ],
  };
}

/** A matched route: the contract template and the reply. */
export interface PlexRouted {
  readonly template: string;
  readonly reply: EmuReply;
}

function sectionAll(s: PlexSectionRecord, url: URL): EmuReply {
  const title = url.searchParams.get('title')?.toLowerCase();
  const items = s.items.filter((i) => title === undefined || i.title.toLowerCase().includes(title));
  const withGuids = url.searchParams.get('includeGuids') === '1';
  return ok({
    size: items.length,
    totalSize: items.length,
    librarySectionID: Number(s.key),
    ...(items.length === 0 ? {} : { Metadata: items.map((i) => itemJson(s, i, withGuids)) }),
  });
}

function search(state: PlexState, url: URL): EmuReply {
  const q = (url.searchParams.get('query') ?? '').toLowerCase();
  const sectionId = url.searchParams.get('sectionId');
  const hubs = state.sections
    .filter((s) => sectionId === null || s.key === sectionId)
    .map((s) => {
      const hits = s.items.filter((i) => q !== '' && i.title.toLowerCase().includes(q));
      return {
        type: s.type,
        hubIdentifier: s.type,
        title: s.type === 'movie' ? 'Movies' : 'Shows',
        size: hits.length,
        ...(hits.length === 0 ? {} : { Metadata: hits.map((i) => itemJson(s, i, true)) }),
      };
    });
  return ok({ size: hubs.length, Hub: hubs });
}

/** Routes of plex.md; `onRefresh` runs after a scan request is recorded. */
export function routePlex(
  state: PlexState,
  req: EmuRequest,
  onRefresh: (sectionKey: string, path: string | undefined) => void,
): PlexRouted | undefined {
  const path = req.url.pathname;
  const section = /^\/library\/sections\/(\d+)\/(all|refresh)$/.exec(path);
  if (req.method === 'GET' && path === '/identity')
    return {
      template: '/identity',
      reply: ok({ size: 0, claimed: true, machineIdentifier: state.machineIdentifier, version: state.version }),
    };
  if (req.method === 'GET' && path === '/library/sections')
    return {
      template: '/library/sections',
      reply: ok({
        size: state.sections.length,
        allowSync: false,
        title1: 'Plex Library',
        Directory: state.sections.map(directoryJson),
      }),
    };
  if (req.method === 'GET' && path === '/:/prefs') {
    const Setting = [...state.prefs].map(([id, p]) => ({
      id,
      label: p.label,
      summary: '',
      type: p.type,
      default: p.default,
      value: p.value,
      hidden: false,
      advanced: false,
      group: 'library',
    }));
    return { template: '/:/prefs', reply: ok({ size: Setting.length, Setting }) };
  }
  if (req.method === 'PUT' && path === '/:/prefs') return { template: 'PUT /:/prefs', reply: setPrefs(state, req.url) };
  if (section !== null) {
    const s = state.sections.find((x) => x.key === section[1]);
    if (s === undefined) return { template: '', reply: notFound };
    if (section[2] === 'all' && req.method === 'GET')
      return { template: '/library/sections/{key}/all', reply: sectionAll(s, req.url) };
    if (section[2] === 'refresh' && (req.method === 'GET' || req.method === 'POST' || req.method === 'PUT')) {
      const folder = req.url.searchParams.get('path') ?? undefined;
      state.refreshes.push({ sectionKey: s.key, ...(folder === undefined ? {} : { path: folder }) });
      onRefresh(s.key, folder);
      return { template: 'refresh', reply: { status: 200, text: '' } };
    }
  }
  const meta = /^\/library\/metadata\/(\d+)$/.exec(path);
  if (meta !== null && req.method === 'GET') {
    const hit = state.sections.flatMap((s) => s.items.map((i) => ({ s, i }))).find((x) => x.i.ratingKey === meta[1]);
    return {
      template: '/library/metadata/{key}',
      reply: hit === undefined ? notFound : ok({ size: 1, Metadata: [itemJson(hit.s, hit.i, true)] }),
    };
  }
  if (req.method === 'GET' && path === '/hubs/search')
    return { template: '/hubs/search', reply: search(state, req.url) };
  if (req.method === 'GET' && path === '/status/sessions')
    return { template: '/status/sessions', reply: ok({ size: 0 }) };
  return undefined;
}

/** `PUT /:/prefs?Id=value`: unknown ids → 400, values coerced to the setting's type. */
function setPrefs(state: PlexState, url: URL): EmuReply {
  for (const [id, raw] of url.searchParams) {
    const pref = state.prefs.get(id);
    if (pref === undefined) return { status: 400, text: `Unknown preference ${id}` };
    pref.value = pref.type === 'bool' ? raw === '1' || raw === 'true' : pref.type === 'text' ? raw : Number(raw);
  }
  return { status: 200, text: '' };
}
