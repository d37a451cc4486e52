import { parseDuration } from '../config/duration.js';
import type { AppConfig, HostConfig, MediaConfig } from '../config/schema.js';
import type { DockerHost } from '../infra/index.js';
import type { Logger } from '../log.js';
import { createGluetunClient } from '../media/gluetun-client.js';
import { createJellyfinClient } from '../media/jellyfin-client.js';
import { jellyfinLibrary, plexLibrary } from '../media/library-server.js';
import { createPlexClient } from '../media/plex-client.js';
import { createProwlarrClient } from '../media/prowlarr-client.js';
import { createQbittorrentClient } from '../media/qbittorrent-client.js';
import type { QbtLoginGate } from '../media/qbittorrent-login-gate.js';
import { createRadarrClient } from '../media/radarr-client.js';
import { createSonarrClient } from '../media/sonarr-client.js';
import type { Check } from './check.js';
import { lazyDockerView } from './lazy-docker-view.js';
import type { ArrTarget } from './overseerr-arr-check.js';
import type { RootSource } from './library-folders-check.js';
import { checkFactories as checks } from './registry.js';
import { serviceApiSpecs } from './service-api-specs.js';

/** Per-check timeout of a config (media.health.timeout, default 10 s). */
export const healthTimeoutMs = (config: Pick<AppConfig, 'media'>): number =>
  parseDuration(config.media?.health.timeout ?? '10s');

/** What the checks are built from. */
export interface CheckDeps {
  readonly media: MediaConfig | undefined;
  /** Per-check limit; each HTTP call inside gets 80 % of it, so a hang reads as a timeout finding. */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
  /** Docker hosts whose containers give mounts and network modes (none: those parts are not checked). */
  readonly hosts?: readonly HostConfig[];
  readonly connect?: (host: HostConfig) => Promise<DockerHost>;
  readonly log: Logger;
  /** Checks built elsewhere and run alongside (cluster checks, `clusterChecks`). */
  readonly extraChecks?: readonly Check[];
  /** Where refused qBittorrent logins are remembered (Redis in the worker); default: this run only. */
  readonly qbtGate?: QbtLoginGate;
}

/** The checks of one run, and what to close after it (SSH connections). */
export interface HealthPlan {
  readonly checks: readonly Check[];
  close(): Promise<void>;
}

/** Every check that applies to the configured services (an unconfigured service has none). */
export function buildChecks(deps: CheckDeps): HealthPlan {
  const { media } = deps;
  if (media === undefined) return { checks: [], close: () => Promise.resolve() };
  const callMs = Math.max(50, Math.floor(deps.timeoutMs * 0.8));
  const common = { timeoutMs: callMs, ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }) };
  const containers =
    deps.hosts !== undefined && deps.hosts.length > 0 && deps.connect !== undefined
      ? lazyDockerView(deps.hosts, deps.connect, deps.log)
      : undefined;
  const built: Check[] = serviceApiSpecs(media, common).map(checks.serviceApiCheck);
  const qbt =
    media.qbittorrent === undefined
      ? undefined
      : createQbittorrentClient({
          ...media.qbittorrent,
          ...common,
          ...(deps.qbtGate === undefined ? {} : { gate: deps.qbtGate }),
        });
  if (qbt !== undefined) built.push(checks.qbittorrentApiCheck(qbt));
  const prowlarrUrls = media.prowlarr === undefined ? [] : [media.prowlarr.url, 'http://prowlarr:9696'];
  if (media.prowlarr !== undefined)
    built.push(
      checks.prowlarrSearchCheck(createProwlarrClient({ ...media.prowlarr, ...common }), media.health.testQuery),
    );
  const roots: RootSource[] = [];
  const arrTargets: ArrTarget[] = [];
  for (const [service, name, make, sectionType] of [
    ['radarr', 'Radarr', createRadarrClient, 'movie'],
    ['sonarr', 'Sonarr', createSonarrClient, 'show'],
  ] as const) {
    const cfg = media[service];
    if (cfg === undefined) continue;
    const client = make({ ...cfg, ...common });
    roots.push({ service, name, client, sectionType });
    arrTargets.push({ kind: service, name, apiKey: cfg.apiKey, client });
    built.push(
      checks.arrIndexersCheck(service, name, client, prowlarrUrls),
      checks.arrDownloadClientCheck(service, name, client, qbt),
    );
    if (qbt !== undefined) built.push(checks.pathAlignmentCheck(service, name, client, qbt, containers));
  }
  if (media.overseerr !== undefined && arrTargets.length > 0)
    built.push(checks.overseerrArrCheck({ ...media.overseerr, ...common }, arrTargets));
  if (containers !== undefined) {
    for (const [service, name, apiPath] of [
      ['radarr', 'Radarr', '/api/v3'],
      ['sonarr', 'Sonarr', '/api/v3'],
      ['prowlarr', 'Prowlarr', '/api/v1'],
    ] as const) {
      const cfg = media[service];
      if (cfg !== undefined)
        built.push(checks.apiKeyRefsCheck({ service, name, apiPath, ...cfg, ...common }, containers));
    }
  }
  if (media.gluetun !== undefined)
    built.push(checks.vpnIpCheck(createGluetunClient({ ...media.gluetun, ...common }), media.homeCidrs, qbt));
  if (containers !== undefined && qbt !== undefined && media.gluetun !== undefined)
    built.push(checks.vpnNetworkCheck(containers));
  if (media.plex !== undefined) {
    const plex = createPlexClient({ ...media.plex, ...common });
    built.push(
      checks.plexAutoscanCheck(plex),
      ...(roots.length > 0 ? [checks.libraryFoldersCheck(plexLibrary(plex), roots, containers)] : []),
    );
  }
  const jellyfin = media.jellyfin === undefined ? undefined : createJellyfinClient({ ...media.jellyfin, ...common });
  if (jellyfin !== undefined)
    built.push(
      checks.jellyfinAutoscanCheck(jellyfin),
      ...(roots.length > 0 ? [checks.libraryFoldersCheck(jellyfinLibrary(jellyfin), roots, containers)] : []),
    );
  // Like the Radarr/Sonarr settings check, only when the other end is configured too.
  if (media.overseerr?.flavor === 'jellyseerr' && jellyfin !== undefined)
    built.push(checks.jellyseerrJellyfinCheck({ ...media.overseerr, ...common }, jellyfin));
  return { checks: built, close: () => containers?.close() ?? Promise.resolve() };
}
