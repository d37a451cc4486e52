import type { EmuReply, EmuRequest } from '../arr-common/http-emulator.js';
import type { JellyfinItemRecord, JellyfinLibraryRecord, JellyfinState } from './jellyfin-state.js';

/** A routed reply and the spec path template it answers. */
export interface RoutedJellyfin {
  readonly template: string;
  readonly reply: EmuReply;
}

const json = (body: unknown, status = 200): EmuReply => ({ status, body });
const NO_CONTENT: EmuReply = { status: 204, text: '' };

function systemInfo(s: JellyfinState, full: boolean): Record<string, unknown> {
  const base = {
    LocalAddress: 'http://172.18.0.5:8096',
    ServerName: s.serverName,
    Version: s.version,
    ProductName: 'Jellyfin Server',
    OperatingSystem: '',
    Id: s.serverId,
    StartupWizardCompleted: true,
  };
  return full
    ? {
        ...base,
        OperatingSystemDisplayName: '',
        PackageName: 'Jellyfin Docker',
        HasPendingRestart: false,
        IsShuttingDown: false,
        SupportsLibraryMonitor: true,
        WebSocketPortNumber: 8096,
        CompletedInstallations: [],
        CanSelfRestart: true,
        CanLaunchWebBrowser: false,
        ProgramDataPath: '/config/data',
        WebPath: '/jellyfin/jellyfin-web',
        ItemsByNamePath: '/config/metadata',
        CachePath: '/cache',
        LogPath: '/config/log',
        InternalMetadataPath: '/config/metadata',
        TranscodingTempPath: '/cache/transcodes',
        CastReceiverApplications: [],
        HasUpdateAvailable: false,
        EncoderLocation: 'System',
        SystemArchitecture: 'X64',
      }
    : base;
}

const virtualFolder = (l: JellyfinLibraryRecord): Record<string, unknown> => ({
  Name: l.name,
  Locations: [...l.locations],
  CollectionType: l.collectionType,
  LibraryOptions: {
    Enabled: true,
    EnablePhotos: true,
    EnableRealtimeMonitor: l.realtimeMonitor,
    EnableChapterImageExtraction: false,
    ExtractChapterImagesDuringLibraryScan: false,
    PathInfos: l.locations.map((Path) => ({ Path })),
    SaveLocalMetadata: false,
    EnableInternetProviders: true,
    EnableAutomaticSeriesGrouping: false,
    AutomaticRefreshIntervalDays: 0,
    PreferredMetadataLanguage: '',
    MetadataCountryCode: '',
    SeasonZeroDisplayName: 'Specials',
    TypeOptions: [],
  },
  ItemId: l.id,
  PrimaryImageItemId: l.id,
  RefreshStatus: 'Idle',
});

const item = (i: JellyfinItemRecord, fields: ReadonlySet<string>, parentId: string): Record<string, unknown> => ({
  Name: i.name,
  ServerId: 'f1e2d3c4b5a697887766554433221100',
  Id: i.id,
  ProductionYear: i.year,
  IsFolder: false,
  Type: 'Movie',
  ParentId: parentId,
  MediaType: 'Video',
  ...(fields.has('path') ? { Path: i.path } : {}),
  ...(fields.has('providerids') ? { ProviderIds: i.tmdbId === undefined ? {} : { Tmdb: i.tmdbId } } : {}),
});

const scanTask = (s: JellyfinState): Record<string, unknown> => ({
  Name: 'Scan Media Library',
  State: 'Idle',
  Id: '7738148ffcd07979c7ceb148e06b3aed',
  Triggers: s.scanTriggers.map((t) => ({ ...t })),
  Description: 'Scans your media library for new files and refreshes metadata.',
  Category: 'Library',
  IsHidden: false,
  Key: 'RefreshLibrary',
});

/** `/Items`: query parameter names are case-insensitive in ASP.NET; `fields` is a comma list. */
function items(s: JellyfinState, url: URL): EmuReply {
  const param = (name: string): string | undefined =>
    [...url.searchParams.entries()].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  const parentId = param('parentId');
  const types = (param('includeItemTypes') ?? '').split(',').filter(Boolean);
  const fields = new Set((param('fields') ?? '').toLowerCase().split(','));
  const libs = s.libraries.filter((l) => parentId === undefined || l.id === parentId);
  if (parentId !== undefined && libs.length === 0) return json({ Items: [], TotalRecordCount: 0, StartIndex: 0 });
  const all = libs.flatMap((l) =>
    types.length > 0 && !types.includes('Movie') ? [] : l.items.map((i) => item(i, fields, l.id)),
  );
  return json({ Items: all, TotalRecordCount: all.length, StartIndex: 0 });
}

/** Routes of the endpoints the bot uses (paths are case-insensitive on Jellyfin). */
export function routeJellyfin(s: JellyfinState, req: EmuRequest, onRefresh: () => void): RoutedJellyfin | undefined {
  const path = req.url.pathname.toLowerCase();
  const m = req.method;
  if (m === 'GET' && path === '/system/info') return { template: '/System/Info', reply: json(systemInfo(s, true)) };
  if (m === 'GET' && path === '/library/virtualfolders')
    return { template: '/Library/VirtualFolders', reply: json(s.libraries.map(virtualFolder)) };
  if (m === 'GET' && path === '/scheduledtasks') return { template: '/ScheduledTasks', reply: json([scanTask(s)]) };
  if (m === 'GET' && path === '/users')
    return {
      template: '/Users',
      reply: json(
        s.users.map((u) => ({
          Name: u.name,
          ServerId: s.serverId,
          Id: u.id,
          HasPassword: true,
          HasConfiguredPassword: true,
          HasConfiguredEasyPassword: false,
          EnableAutoLogin: false,
        })),
      ),
    };
  if (m === 'GET' && path === '/items') return { template: '/Items', reply: items(s, req.url) };
  if (m === 'POST' && path === '/library/refresh') {
    s.refreshes += 1;
    onRefresh();
    return { template: '/Library/Refresh', reply: NO_CONTENT };
  }
  return undefined;
}

/** Unauthenticated routes. */
export function routePublic(s: JellyfinState, req: EmuRequest): RoutedJellyfin | undefined {
  if (req.method === 'GET' && req.url.pathname.toLowerCase() === '/system/info/public')
    return { template: '/System/Info/Public', reply: json(systemInfo(s, false)) };
  return undefined;
}
