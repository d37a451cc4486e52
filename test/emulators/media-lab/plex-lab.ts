import { Ajv } from 'ajv';
import { startJsonServer, type JsonReply } from './json-server.js';

/** A library item (movie) as Plex lists it. */
export interface PlexLabItem {
  readonly title: string;
  readonly year: number;
  readonly tmdbId: number;
  readonly file: string;
}

export interface PlexLabSection {
  readonly key: string;
  readonly title: string;
  readonly location: string;
  readonly items: PlexLabItem[];
}

/** A stateful Plex subset: identity, movie sections, items with guids, refresh (counted). */
export interface PlexLab {
  readonly url: string;
  readonly token: string;
  readonly sections: PlexLabSection[];
  readonly refreshes: string[];
  readonly violations: readonly string[];
  addItem(sectionKey: string, item: PlexLabItem): void;
  close(): Promise<void>;
}

const token = 'plex-lab-token-abcdef';

// JSON shapes from shared/contracts/plex.md (hand-written contract; no upstream OpenAPI available).
const container = (inner: object) => ({ type: 'object', required: ['MediaContainer'], properties: { MediaContainer: { type: 'object', required: ['size'], properties: { size: { type: 'integer' }, ...inner } } } });
const schemas = {
  identity: container({ machineIdentifier: { type: 'string' }, version: { type: 'string' }, claimed: { type: 'boolean' } }),
  sections: container({ Directory: { type: 'array', items: { type: 'object', required: ['key', 'type', 'title', 'Location'], properties: {
    key: { type: 'string' }, type: { enum: ['movie', 'show', 'artist', 'photo'] }, title: { type: 'string' }, refreshing: { type: 'boolean' },
    Location: { type: 'array', items: { type: 'object', required: ['id', 'path'], properties: { id: { type: 'integer' }, path: { type: 'string' } } } },
  } } } }),
  all: container({ librarySectionID: { type: 'integer' }, Metadata: { type: 'array', items: { type: 'object', required: ['ratingKey', 'key', 'type', 'title'], properties: {
    ratingKey: { type: 'string' }, key: { type: 'string' }, type: { const: 'movie' }, title: { type: 'string' }, year: { type: 'integer' }, addedAt: { type: 'integer' },
    Guid: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
    Media: { type: 'array', items: { type: 'object', properties: { Part: { type: 'array', items: { type: 'object', required: ['file'], properties: { file: { type: 'string' } } } } } } },
  } } } }),
};

export async function startPlexLab(location: string): Promise<PlexLab> {
  const sections: PlexLabSection[] = [{ key: '1', title: 'Movies', location, items: [] }];
  const refreshes: string[] = [];
  const violations: string[] = [];
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validators = { identity: ajv.compile(schemas.identity), sections: ajv.compile(schemas.sections), all: ajv.compile(schemas.all) };
  const ok = (kind: keyof typeof validators, body: unknown): JsonReply => {
    if (!validators[kind](body)) violations.push(`${kind}: ${ajv.errorsText(validators[kind].errors)}`);
    return { status: 200, body };
  };
  const server = await startJsonServer((req) => {
    if (req.headers['x-plex-token'] !== token && req.query.get('X-Plex-Token') !== token) return { status: 401 };
    if (req.path === '/identity') return ok('identity', { MediaContainer: { size: 0, claimed: true, machineIdentifier: 'lab-plex', version: '1.41.3.9314-a0bfb8370' } });
    if (req.path === '/library/sections') {
      return ok('sections', { MediaContainer: { size: sections.length, Directory: sections.map((s, i) => ({ key: s.key, type: 'movie', title: s.title, refreshing: false, Location: [{ id: i + 1, path: s.location }] })) } });
    }
    const m = /^\/library\/sections\/(\w+)\/(all|refresh)$/.exec(req.path);
    const section = sections.find((s) => s.key === m?.[1]);
    if (m === null || section === undefined) return { status: 404 };
    if (m[2] === 'refresh') {
      refreshes.push(section.key);
      return { status: 200 };
    }
    const metadata = section.items.map((item, i) => ({
      ratingKey: String(100 + i), key: `/library/metadata/${100 + i}`, type: 'movie', title: item.title, year: item.year, addedAt: 1_764_000_000,
      ...(req.query.get('includeGuids') === '1' ? { Guid: [{ id: `tmdb://${item.tmdbId}` }] } : {}),
      Media: [{ Part: [{ file: item.file }] }],
    }));
    return ok('all', { MediaContainer: { size: metadata.length, librarySectionID: Number(section.key), Metadata: metadata } });
  });
  return {
    url: server.url, token, sections, refreshes, violations,
    addItem: (key, item) => { sections.find((s) => s.key === key)?.items.push(item); },
    close: () => server.close(),
  };
}
