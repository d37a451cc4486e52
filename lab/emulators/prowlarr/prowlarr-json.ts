import { createHash } from 'node:crypto';
import { fieldsJson } from '../arr-common/arr-json.js';
import type { FieldValue, IndexerSeed } from '../arr-common/arr-state.js';

/** A Prowlarr application (the *arr it syncs indexers to). */
export interface ApplicationSeed {
  readonly id: number;
  name: string;
  implementation: 'Radarr' | 'Sonarr';
  syncLevel: 'disabled' | 'addOnly' | 'fullSync';
  readonly fields: Record<string, FieldValue>;
}

/** A release one indexer returns for searches whose words all appear in its title. */
export interface ReleaseSeed {
  readonly indexerId: number;
  readonly title: string;
  readonly size: number;
  readonly seeders: number;
  readonly categories: readonly number[];
}

const ADDED = '2026-01-01T00:00:00Z';
const CATEGORIES: Readonly<Record<number, string>> = { 2000: 'Movies', 2040: 'Movies/HD', 5000: 'TV', 5040: 'TV/HD' };
const category = (id: number) => ({ id, name: CATEGORIES[id] ?? `Category ${id}`, subCategories: [] });

export function prowlarrIndexerJson(i: IndexerSeed) {
  return {
    id: i.id,
    name: i.name,
    fields: fieldsJson(i.fields),
    implementationName: i.implementation,
    implementation: i.implementation,
    configContract: `${i.implementation}Settings`,
    infoLink: `https://wiki.servarr.com/prowlarr/supported-indexers#${i.name.toLowerCase()}`,
    tags: i.tags,
    indexerUrls: [String(i.fields.baseUrl ?? 'https://tracker.example.org/')],
    legacyUrls: [],
    definitionName: i.name.toLowerCase().replace(/\W+/g, ''),
    description: `${i.name} (emulated)`,
    language: 'en-US',
    enable: i.enable,
    redirect: false,
    supportsRss: true,
    supportsSearch: true,
    supportsRedirect: false,
    supportsPagination: false,
    appProfileId: 1,
    protocol: i.protocol,
    privacy: 'public',
    capabilities: {
      id: 0,
      limitsMax: 100,
      limitsDefault: 100,
      categories: [2000, 5000].map(category),
      supportsRawSearch: false,
      searchParams: ['q'],
      tvSearchParams: ['q', 'season', 'ep', 'imdbId', 'tvdbId'],
      movieSearchParams: ['q', 'imdbId', 'tmdbId'],
      musicSearchParams: [],
      bookSearchParams: [],
    },
    priority: i.priority,
    downloadClientId: 0,
    added: ADDED,
    sortName: i.name.toLowerCase(),
  };
}

export function applicationJson(a: ApplicationSeed) {
  return {
    id: a.id,
    name: a.name,
    fields: fieldsJson(a.fields),
    implementationName: a.implementation,
    implementation: a.implementation,
    configContract: `${a.implementation}Settings`,
    infoLink: `https://wiki.servarr.com/prowlarr/settings#${a.implementation.toLowerCase()}`,
    tags: [],
    syncLevel: a.syncLevel,
  };
}

/** `ReleaseResource`, with a stable info hash per title. */
export function releaseJson(r: ReleaseSeed, indexerName: string, id: number) {
  const infoHash = createHash('sha1').update(`prowlarr-emu:${r.title}`).digest('hex');
  return {
    id,
    guid: `magnet:?xt=urn:btih:${infoHash}`,
    age: 3,
    ageHours: 72,
    ageMinutes: 4320,
    size: r.size,
    files: 1,
    grabs: 10,
    indexerId: r.indexerId,
    indexer: indexerName,
    title: r.title,
    sortTitle: r.title.toLowerCase(),
    imdbId: 0,
    tmdbId: 0,
    tvdbId: 0,
    tvMazeId: 0,
    publishDate: '2026-01-01T00:00:00Z',
    downloadUrl: `http://prowlarr/${r.indexerId}/download?id=${infoHash}`,
    infoUrl: `https://tracker.example.org/t/${infoHash}`,
    indexerFlags: [],
    categories: r.categories.map(category),
    magnetUrl: `magnet:?xt=urn:btih:${infoHash}`,
    infoHash,
    seeders: r.seeders,
    leechers: 1,
    protocol: 'torrent',
    fileName: `${r.title}.torrent`,
  };
}
