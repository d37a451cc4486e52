import type {
  ArrState,
  CommandRecord,
  FieldValue,
  HealthSeed,
  HistoryItem,
  IndexerSeed,
  NotificationSeed,
  ProviderSeed,
  QueueItem,
} from './arr-state.js';

/** What Servarr sends instead of a stored secret (SchemaBuilder.PRIVATE_VALUE). */
export const PRIVATE_VALUE = '********';
const PRIVATE: Readonly<Record<string, 'apiKey' | 'password'>> = {
  apiKey: 'apiKey',
  authToken: 'apiKey',
  password: 'password',
};

/** `fields[]` in the Servarr shape: order, name, label, value, type, advanced, privacy, isFloat. */
export function fieldsJson(fields: Readonly<Record<string, FieldValue>>) {
  return Object.entries(fields).map(([name, value], order) => {
    const privacy = PRIVATE[name] ?? 'normal';
    const type =
      privacy === 'normal'
        ? typeof value === 'number'
          ? 'number'
          : typeof value === 'boolean'
            ? 'checkbox'
            : Array.isArray(value)
              ? 'select'
              : 'textbox'
        : privacy === 'apiKey'
          ? 'textbox'
          : 'password';
    const shown = privacy !== 'normal' && value !== '' && value !== null ? PRIVATE_VALUE : value;
    return { order, name, label: name, value: shown, type, advanced: false, privacy, isFloat: false };
  });
}

const providerCommon = (p: ProviderSeed, configContract: string) => ({
  id: p.id,
  name: p.name,
  fields: fieldsJson(p.fields),
  implementationName: p.implementation,
  implementation: p.implementation,
  configContract,
  infoLink: `https://wiki.servarr.com/${p.implementation.toLowerCase()}`,
  tags: p.tags,
});

/** Radarr/Sonarr `IndexerResource` (Sonarr adds `seasonSearchMaximumSingleEpisodeAge`). */
export function arrIndexerJson(state: ArrState, i: IndexerSeed) {
  return {
    ...providerCommon(i, `${i.implementation}Settings`),
    enableRss: i.enableRss,
    enableAutomaticSearch: i.enableAutomaticSearch,
    enableInteractiveSearch: i.enableInteractiveSearch,
    supportsRss: true,
    supportsSearch: true,
    protocol: i.protocol,
    priority: i.priority,
    ...(state.appName === 'Sonarr' ? { seasonSearchMaximumSingleEpisodeAge: 0 } : {}),
    downloadClientId: 0,
  };
}

export function downloadClientJson(c: ProviderSeed) {
  return {
    ...providerCommon(c, `${c.implementation}Settings`),
    enable: c.enable,
    protocol: c.protocol,
    priority: c.priority,
    removeCompletedDownloads: true,
    removeFailedDownloads: true,
  };
}

/** `NotificationResource` (only the event flags Radarr and Sonarr share). */
export function notificationJson(n: NotificationSeed) {
  return {
    ...providerCommon(n, `${n.implementation}Settings`),
    onGrab: false,
    onDownload: n.onDownload,
    onUpgrade: n.onUpgrade,
    onRename: false,
    onHealthIssue: false,
    supportsOnGrab: true,
    supportsOnDownload: true,
    supportsOnUpgrade: true,
    supportsOnRename: true,
  };
}

export function statusJson(state: ArrState) {
  const start = '2026-01-01T00:00:00Z';
  return {
    appName: state.appName,
    instanceName: state.appName,
    version: state.version,
    buildTime: start,
    isDebug: false,
    isProduction: true,
    isAdmin: false,
    isUserInteractive: false,
    startupPath: `/app/${state.appName.toLowerCase()}/bin`,
    appData: '/config',
    osName: 'alpine',
    osVersion: '3.20',
    isNetCore: true,
    isLinux: true,
    isOsx: false,
    isWindows: false,
    isDocker: true,
    mode: 'console',
    branch: 'master',
    authentication: 'forms',
    migrationVersion: 240,
    urlBase: state.urlBase,
    runtimeVersion: '8.0.12',
    runtimeName: '.NET',
    startTime: start,
    packageVersion: state.version,
    packageAuthor: 'hotio',
    packageUpdateMechanism: 'docker',
    databaseType: 'sqLite',
    databaseVersion: '3.45.3',
  };
}

export const healthJson = (items: readonly HealthSeed[]) =>
  items.map((h, id) => ({
    id: id + 1,
    source: h.source,
    type: h.type,
    message: h.message,
    ...(h.wikiUrl === undefined ? {} : { wikiUrl: h.wikiUrl }),
  }));

/** `CommandResource` (null properties omitted); the `body` keys differ per app's spec. */
export function commandJson(state: ArrState, c: CommandRecord) {
  const optional = { message: c.message, started: c.started, ended: c.ended, exception: c.exception };
  return {
    id: c.id,
    name: c.name,
    commandName: c.name.replace(/([a-z])([A-Z])/g, '$1 $2'),
    body: {
      sendUpdatesToClient: true,
      updateScheduledTask: true,
      requiresDiskAccess: false,
      isExclusive: false,
      ...(state.appName === 'Sonarr' ? {} : { isTypeExclusive: false }),
      ...(state.appName === 'Prowlarr' ? {} : { isLongRunning: false }),
      name: c.name,
      trigger: 'manual',
      suppressMessages: false,
    },
    priority: 'normal',
    status: c.status,
    result: c.result,
    queued: c.queued,
    trigger: 'manual',
    stateChangeTime: c.ended ?? c.started ?? c.queued,
    sendUpdatesToClient: true,
    updateScheduledTask: true,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

const quality = {
  quality: { id: 7, name: 'Bluray-1080p', source: 'bluray', resolution: 1080, modifier: 'none' },
  revision: { version: 1, real: 0, isRepack: false },
};

export function queueJson(q: QueueItem) {
  return {
    id: q.id,
    ...(q.movieId === undefined ? {} : { movieId: q.movieId }),
    ...(q.seriesId === undefined ? {} : { seriesId: q.seriesId }),
    languages: [{ id: 1, name: 'English' }],
    quality,
    customFormats: [],
    customFormatScore: 0,
    size: q.size,
    title: q.title,
    added: q.added,
    status: q.status,
    trackedDownloadStatus: q.trackedDownloadStatus,
    trackedDownloadState: q.trackedDownloadState,
    statusMessages: q.errorMessage === undefined ? [] : [{ title: q.title, messages: [q.errorMessage] }],
    ...(q.errorMessage === undefined ? {} : { errorMessage: q.errorMessage }),
    downloadId: q.downloadId,
    protocol: 'torrent',
    downloadClient: q.downloadClient,
    downloadClientHasPostImportCategory: false,
    indexer: q.indexer,
    ...(q.outputPath === undefined ? {} : { outputPath: q.outputPath }),
    sizeleft: q.sizeleft,
  };
}

export function historyJson(h: HistoryItem) {
  return {
    id: h.id,
    ...(h.movieId === undefined ? {} : { movieId: h.movieId }),
    ...(h.seriesId === undefined ? {} : { seriesId: h.seriesId, episodeId: 0 }),
    sourceTitle: h.sourceTitle,
    languages: [{ id: 1, name: 'English' }],
    quality,
    customFormats: [],
    customFormatScore: 0,
    qualityCutoffNotMet: false,
    date: h.date,
    ...(h.downloadId === undefined ? {} : { downloadId: h.downloadId }),
    eventType: h.eventType,
    data: h.data,
  };
}

/** A paging resource over `records` (1-based `page`). */
export function pageJson<T>(records: readonly T[], url: URL) {
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const pageSize = Math.max(1, Number(url.searchParams.get('pageSize') ?? 10));
  return {
    page,
    pageSize,
    sortKey: url.searchParams.get('sortKey') ?? 'timeleft',
    sortDirection: 'default',
    totalRecords: records.length,
    records: records.slice((page - 1) * pageSize, page * pageSize),
  };
}
