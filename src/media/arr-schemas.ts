import { z } from 'zod';

/** Permissive parsers for Radarr / Sonarr / Prowlarr (Servarr) responses: only the fields we read. */
export const arrStatusSchema = z.looseObject({
  appName: z.string().optional(),
  instanceName: z.string().optional(),
  version: z.string(),
  urlBase: z.string().optional(),
});
export type ArrStatus = z.infer<typeof arrStatusSchema>;

/** `type`: ok | notice | warning | error. */
export const arrHealthSchema = z.array(
  z.looseObject({
    source: z.string().optional(),
    type: z.string(),
    message: z.string().optional(),
    wikiUrl: z.string().optional(),
  }),
);
export type ArrHealthItem = z.infer<typeof arrHealthSchema>[number];

export const arrFieldSchema = z.looseObject({ name: z.string(), value: z.unknown().optional() });

/** Indexer, download client, application: kept whole (loose) so it can be posted back to `/test`. */
export const arrProviderSchema = z.looseObject({
  id: z.number(),
  name: z.string().optional(),
  implementation: z.string().optional(),
  configContract: z.string().optional(),
  protocol: z.string().optional(),
  enable: z.boolean().optional(),
  fields: z.array(arrFieldSchema).default([]),
  tags: z.array(z.number()).optional(),
});
export type ArrProvider = z.infer<typeof arrProviderSchema>;

export const arrIndexerSchema = arrProviderSchema.extend({
  enableRss: z.boolean().optional(),
  enableAutomaticSearch: z.boolean().optional(),
  enableInteractiveSearch: z.boolean().optional(),
  priority: z.number().optional(),
});
export type ArrIndexer = z.infer<typeof arrIndexerSchema>;

/** A Connect entry; `implementation: 'PlexServer'` with `onDownload` = Plex scans after each import. */
export const arrNotificationSchema = arrProviderSchema.extend({
  onDownload: z.boolean().optional(),
  onUpgrade: z.boolean().optional(),
});
export type ArrNotification = z.infer<typeof arrNotificationSchema>;

export const remotePathMappingSchema = z.looseObject({
  id: z.number(),
  host: z.string(),
  remotePath: z.string(),
  localPath: z.string(),
});
export type RemotePathMapping = z.infer<typeof remotePathMappingSchema>;

export const rootFolderSchema = z.looseObject({
  id: z.number(),
  path: z.string(),
  accessible: z.boolean().optional(),
  freeSpace: z.number().optional(),
});
export type RootFolder = z.infer<typeof rootFolderSchema>;

export const qualityProfileSchema = z.looseObject({ id: z.number(), name: z.string() });
export type QualityProfile = z.infer<typeof qualityProfileSchema>;

/** `status`: queued | started | completed | failed | aborted | cancelled | orphaned. */
export const arrCommandSchema = z.looseObject({
  id: z.number(),
  name: z.string().optional(),
  status: z.string(),
  result: z.string().optional(),
  message: z.string().optional(),
  exception: z.string().optional(),
});
export type ArrCommand = z.infer<typeof arrCommandSchema>;

/** `{propertyName, errorMessage, isWarning}` items of a 400 provider test. */
export const validationFailureSchema = z.looseObject({
  propertyName: z.string().optional(),
  errorMessage: z.string(),
  isWarning: z.boolean().optional(),
});
export type ValidationFailure = z.infer<typeof validationFailureSchema>;

export const testAllSchema = z.array(
  z.looseObject({
    id: z.number(),
    isValid: z.boolean(),
    validationFailures: z.array(validationFailureSchema).default([]),
  }),
);
export type ProviderTestAll = z.infer<typeof testAllSchema>;

/** A paged list (`/queue`, `/history`). */
export function pageSchema<T extends z.ZodType>(record: T) {
  return z.looseObject({
    page: z.number(),
    pageSize: z.number(),
    totalRecords: z.number(),
    records: z.array(record).default([]),
  });
}

export const queueRecordSchema = z.looseObject({
  id: z.number(),
  movieId: z.number().optional(),
  seriesId: z.number().optional(),
  episodeId: z.number().optional(),
  title: z.string().optional(),
  status: z.string().optional(),
  trackedDownloadStatus: z.string().optional(),
  trackedDownloadState: z.string().optional(),
  downloadId: z.string().optional(),
  downloadClient: z.string().optional(),
  outputPath: z.string().optional(),
  size: z.number().optional(),
  sizeleft: z.number().optional(),
  errorMessage: z.string().optional(),
});
export type QueueRecord = z.infer<typeof queueRecordSchema>;

export const historyRecordSchema = z.looseObject({
  id: z.number(),
  movieId: z.number().optional(),
  seriesId: z.number().optional(),
  episodeId: z.number().optional(),
  sourceTitle: z.string().optional(),
  date: z.string().optional(),
  downloadId: z.string().optional(),
  eventType: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type HistoryRecord = z.infer<typeof historyRecordSchema>;

export type Page<T> = {
  readonly page: number;
  readonly pageSize: number;
  readonly totalRecords: number;
  readonly records: T[];
};

/** The value of a provider field by name (`host`, `baseUrl`, `movieCategory`…), or undefined. */
export function fieldValue(
  provider: { readonly fields: readonly { name: string; value?: unknown }[] },
  name: string,
): unknown {
  return provider.fields.find((f) => f.name === name)?.value;
}
