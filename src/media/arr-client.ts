import { createArrApi, type ArrApi, type ArrClientOptions, type ProviderTest } from './arr-api.js';
import {
  arrCommandSchema,
  arrHealthSchema,
  arrIndexerSchema,
  arrNotificationSchema,
  arrProviderSchema,
  historyRecordSchema,
  pageSchema,
  qualityProfileSchema,
  queueRecordSchema,
  remotePathMappingSchema,
  rootFolderSchema,
  type ArrCommand,
  type ArrHealthItem,
  type ArrIndexer,
  type ArrNotification,
  type ArrProvider,
  type ArrStatus,
  type HistoryRecord,
  type Page,
  type ProviderTestAll,
  type QualityProfile,
  type QueueRecord,
  type RemotePathMapping,
  type RootFolder,
} from './arr-schemas.js';
import { z } from 'zod';

/** Paging and filters of `/queue` and `/history` (id lists are sent as repeated keys). */
export interface ArrPageQuery {
  readonly page?: number;
  readonly pageSize?: number;
  /** Radarr `movieIds`, Sonarr `seriesIds`, history `eventType` (number), `downloadId`, `includeMovie`… */
  readonly filter?: Readonly<Record<string, string | number | boolean | readonly number[]>>;
}

/** What Radarr and Sonarr have in common. Every method takes an optional AbortSignal. */
export interface ArrClient {
  readonly api: ArrApi;
  ping(signal?: AbortSignal): Promise<boolean>;
  status(signal?: AbortSignal): Promise<ArrStatus>;
  health(signal?: AbortSignal): Promise<ArrHealthItem[]>;
  indexers(signal?: AbortSignal): Promise<ArrIndexer[]>;
  /** Posts the indexer (as fetched; masked secrets are kept server-side) to `/indexer/test`. */
  testIndexer(indexer: ArrIndexer, signal?: AbortSignal): Promise<ProviderTest>;
  testAllIndexers(signal?: AbortSignal): Promise<ProviderTestAll>;
  downloadClients(signal?: AbortSignal): Promise<ArrProvider[]>;
  testDownloadClient(client: ArrProvider, signal?: AbortSignal): Promise<ProviderTest>;
  testAllDownloadClients(signal?: AbortSignal): Promise<ProviderTestAll>;
  remotePathMappings(signal?: AbortSignal): Promise<RemotePathMapping[]>;
  /** Connect entries (`/notification`). */
  notifications(signal?: AbortSignal): Promise<ArrNotification[]>;
  rootFolders(signal?: AbortSignal): Promise<RootFolder[]>;
  qualityProfiles(signal?: AbortSignal): Promise<QualityProfile[]>;
  /** `POST /command {name, ...body}` (e.g. `MoviesSearch {movieIds}`); poll with {@link ArrClient.getCommand}. */
  command(name: string, body?: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<ArrCommand>;
  getCommand(id: number, signal?: AbortSignal): Promise<ArrCommand>;
  queue(query?: ArrPageQuery, signal?: AbortSignal): Promise<Page<QueueRecord>>;
  history(query?: ArrPageQuery, signal?: AbortSignal): Promise<Page<HistoryRecord>>;
}

/** `{page, pageSize, ...filter}` as query parameters. */
export function toPageQuery(query: ArrPageQuery = {}): Record<string, string | number | readonly number[]> {
  const out: Record<string, string | number | readonly number[]> = {
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 50,
  };
  for (const [key, value] of Object.entries(query.filter ?? {}))
    out[key] = typeof value === 'boolean' ? String(value) : value;
  return out;
}

const queuePage = pageSchema(queueRecordSchema);
const historyPage = pageSchema(historyRecordSchema);

/** The shared part of the Radarr and Sonarr clients (`/api/v3`). */
export function createArrClient(service: string, options: ArrClientOptions): ArrClient {
  const api = createArrApi(service, '/api/v3', options);
  return {
    api,
    ping: (signal) => api.ping(signal),
    status: (signal) => api.status(signal),
    health: (signal) => api.get('/health', arrHealthSchema, undefined, signal),
    indexers: (signal) => api.get('/indexer', z.array(arrIndexerSchema), undefined, signal),
    testIndexer: (indexer, signal) => api.test('indexer', indexer, signal),
    testAllIndexers: (signal) => api.testAll('indexer', signal),
    downloadClients: (signal) => api.get('/downloadclient', z.array(arrProviderSchema), undefined, signal),
    testDownloadClient: (client, signal) => api.test('downloadclient', client, signal),
    testAllDownloadClients: (signal) => api.testAll('downloadclient', signal),
    remotePathMappings: (signal) => api.get('/remotepathmapping', z.array(remotePathMappingSchema), undefined, signal),
    notifications: (signal) => api.get('/notification', z.array(arrNotificationSchema), undefined, signal),
    rootFolders: (signal) => api.get('/rootfolder', z.array(rootFolderSchema), undefined, signal),
    qualityProfiles: (signal) => api.get('/qualityprofile', z.array(qualityProfileSchema), undefined, signal),
    command: (name, body = {}, signal) => api.post('/command', arrCommandSchema, { ...body, name }, signal),
    getCommand: (id, signal) => api.get(`/command/${id}`, arrCommandSchema, undefined, signal),
    queue: (query, signal) => api.get('/queue', queuePage, toPageQuery(query), signal),
    history: (query, signal) => api.get('/history', historyPage, toPageQuery(query), signal),
  };
}
