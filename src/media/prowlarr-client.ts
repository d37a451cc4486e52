import { z } from 'zod';
import { createArrApi, type ArrClientOptions, type ProviderTest } from './arr-api.js';
import { arrHealthSchema, type ArrHealthItem, type ArrStatus, type ProviderTestAll } from './arr-schemas.js';
import {
  prowlarrApplicationSchema,
  prowlarrIndexerSchema,
  prowlarrReleaseSchema,
  type ProwlarrApplication,
  type ProwlarrIndexer,
  type ProwlarrRelease,
} from './prowlarr-schemas.js';

/** Options of `GET /search`. */
export interface ProwlarrSearch {
  readonly query: string;
  readonly type?: 'search' | 'movie' | 'tvsearch';
  readonly indexerIds?: readonly number[];
  readonly categories?: readonly number[];
  readonly limit?: number;
}

/** Prowlarr `/api/v1`. Every method takes an optional AbortSignal. */
export interface ProwlarrClient {
  ping(signal?: AbortSignal): Promise<boolean>;
  status(signal?: AbortSignal): Promise<ArrStatus>;
  health(signal?: AbortSignal): Promise<ArrHealthItem[]>;
  indexers(signal?: AbortSignal): Promise<ProwlarrIndexer[]>;
  testIndexer(indexer: ProwlarrIndexer, signal?: AbortSignal): Promise<ProviderTest>;
  testAllIndexers(signal?: AbortSignal): Promise<ProviderTestAll>;
  /** The apps Prowlarr syncs to (`prowlarrUrl`, `baseUrl` fields). */
  applications(signal?: AbortSignal): Promise<ProwlarrApplication[]>;
  testApplication(application: ProwlarrApplication, signal?: AbortSignal): Promise<ProviderTest>;
  /** An indexer failure answers 400 → `http-error` with Prowlarr's message. */
  search(search: ProwlarrSearch, signal?: AbortSignal): Promise<ProwlarrRelease[]>;
}

export function createProwlarrClient(options: ArrClientOptions): ProwlarrClient {
  const api = createArrApi('Prowlarr', '/api/v1', options);
  return {
    ping: (signal) => api.ping(signal),
    status: (signal) => api.status(signal),
    health: (signal) => api.get('/health', arrHealthSchema, undefined, signal),
    indexers: (signal) => api.get('/indexer', z.array(prowlarrIndexerSchema), undefined, signal),
    testIndexer: (indexer, signal) => api.test('indexer', indexer, signal),
    testAllIndexers: (signal) => api.testAll('indexer', signal),
    applications: (signal) => api.get('/applications', z.array(prowlarrApplicationSchema), undefined, signal),
    testApplication: (application, signal) => api.test('applications', application, signal),
    search: ({ query, type = 'search', indexerIds, categories, limit }, signal) =>
      api.get(
        '/search',
        z.array(prowlarrReleaseSchema),
        {
          query,
          type,
          indexerIds,
          categories,
          limit,
        },
        signal,
      ),
  };
}
