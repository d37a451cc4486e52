import type { CatalogEntry } from './catalog-entry.js';

/** A dependency edge between two catalog services, e.g. Overseerr → Radarr. */
export interface PipelineEdge {
  readonly from: CatalogEntry;
  readonly to: CatalogEntry;
  readonly label: string;
}

/** Who talks to whom in the media pipeline, by service name (the usual compose names). */
const talksTo: readonly (readonly [string, string, string])[] = [
  ['overseerr', 'radarr', 'requests'],
  ['overseerr', 'sonarr', 'requests'],
  ['overseerr', 'plex', 'library'],
  // Jellyseerr, Overseerr's fork for Jellyfin homelabs.
  ['jellyseerr', 'radarr', 'requests'],
  ['jellyseerr', 'sonarr', 'requests'],
  ['jellyseerr', 'jellyfin', 'library'],
  ['radarr', 'prowlarr', 'searches'],
  ['sonarr', 'prowlarr', 'searches'],
  ['radarr', 'qbittorrent', 'downloads'],
  ['sonarr', 'qbittorrent', 'downloads'],
];

const named = (entries: readonly CatalogEntry[], name: string): CatalogEntry | undefined =>
  entries.find(
    (e) => e.service.toLowerCase() === name || e.image.toLowerCase().split(':')[0]?.endsWith(`/${name}`) === true,
  );

/** Media pipeline edges among the services present, plus `network_mode: service:x` ("via gluetun"). */
export function pipelineEdges(entries: readonly CatalogEntry[]): PipelineEdge[] {
  const known = talksTo.flatMap(([a, b, label]) => {
    const from = named(entries, a);
    const to = named(entries, b);
    return from === undefined || to === undefined ? [] : [{ from, to, label }];
  });
  const via = entries.flatMap((e) => {
    const target = e.networkMode?.slice('service:'.length);
    const to = entries.find((x) => x.host === e.host && x.stack === e.stack && x.service === target);
    return to === undefined ? [] : [{ from: e, to, label: 'network via' }];
  });
  return [...known, ...via];
}

const mediaServers: ReadonlySet<string> = new Set(['plex', 'jellyfin']);

const overlaps = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/**
 * Media folders: the media server's (Plex's or Jellyfin's) bind mounts (config and cache left out),
 * and which services read or write them (any other service binding the same folder or a folder inside it).
 */
export function mediaFolders(
  entries: readonly CatalogEntry[],
): { folder: string; host: string; users: { entry: CatalogEntry; reads: boolean }[] }[] {
  return entries
    .filter((e) => mediaServers.has(e.service.toLowerCase()))
    .flatMap((plex) =>
      plex.binds
        .filter((b) => !b.target.startsWith('/config') && !b.target.startsWith('/cache'))
        .map((b) => ({
          folder: b.source,
          host: plex.host,
          users: entries
            .filter((e) => e.host === plex.host && e.binds.some((x) => overlaps(x.source, b.source)))
            .map((entry) => ({ entry, reads: entry === plex })),
        })),
    );
}
