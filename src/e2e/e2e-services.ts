import type { AppConfig } from '../config/schema.js';
import { UserError } from '../errors.js';
import { createJellyfinClient } from '../media/jellyfin-client.js';
import { jellyfinLibrary, plexLibrary, type LibraryServer } from '../media/library-server.js';
import { requestServerName } from '../media/overseerr-http.js';
import { createPlexClient } from '../media/plex-client.js';
import type { QbtLoginGate } from '../media/qbittorrent-login-gate.js';
import type { E2eNames } from './e2e-names.js';
import { overseerrE2e, type OverseerrE2e } from './overseerr-e2e.js';
import { qbittorrentReader, type QbittorrentReader } from './qbittorrent-reader.js';
import { radarrReader, type RadarrReader } from './radarr-reader.js';

/** The services one `/e2e` run talks to. */
export interface E2eServices {
  /** The request server (Overseerr or Jellyseerr). */
  readonly overseerr: OverseerrE2e;
  readonly radarr: RadarrReader;
  readonly qbittorrent: QbittorrentReader;
  /** The library hop: Plex or Jellyfin. */
  readonly library: LibraryServer;
  readonly names: E2eNames;
}

/**
 * Builds the clients from `media.*`; a missing section is a UserError naming the config keys. The
 * library hop is Jellyfin when the request server is Jellyseerr (or Plex is not configured), else Plex.
 */
export function createE2eServices(config: AppConfig, qbtGate?: QbtLoginGate): E2eServices {
  const media = config.media;
  const missing = [
    ...(['radarr', 'qbittorrent'] as const).filter((k) => media?.[k] === undefined).map((k) => `media.${k}`),
    ...(media?.overseerr === undefined ? ['media.overseerr (or media.jellyseerr)'] : []),
    ...(media?.plex === undefined && media?.jellyfin === undefined ? ['media.plex (or media.jellyfin)'] : []),
  ];
  const { overseerr, radarr, qbittorrent, plex, jellyfin } = media ?? {};
  if (missing.length > 0 || overseerr === undefined || radarr === undefined || qbittorrent === undefined) {
    throw new UserError(
      'e2e-not-configured',
      `/e2e needs ${missing.join(', ')} in the config (see config.example.yaml).`,
    );
  }
  const callTimeoutMs = config.timeouts.ms.http;
  const library =
    jellyfin !== undefined && (overseerr.flavor === 'jellyseerr' || plex === undefined)
      ? jellyfinLibrary(createJellyfinClient({ url: jellyfin.url, apiKey: jellyfin.apiKey, timeoutMs: callTimeoutMs }))
      : plex === undefined
        ? undefined
        : plexLibrary(createPlexClient({ url: plex.url, token: plex.token, timeoutMs: callTimeoutMs }));
  if (library === undefined) throw new Error('unreachable: media.plex or media.jellyfin checked above');
  return {
    overseerr: overseerrE2e(overseerr.url, overseerr.apiKey, callTimeoutMs, overseerr.flavor),
    radarr: radarrReader({ url: radarr.url, apiKey: radarr.apiKey, timeoutMs: callTimeoutMs }),
    qbittorrent: qbittorrentReader({
      ...qbittorrent,
      timeoutMs: callTimeoutMs,
      ...(qbtGate === undefined ? {} : { gate: qbtGate }),
    }),
    library,
    names: {
      requests: requestServerName(overseerr) === 'Jellyseerr' ? 'Jellyseerr' : 'Overseerr',
      library: library.id === 'jellyfin' ? 'Jellyfin' : 'Plex',
    },
  };
}
