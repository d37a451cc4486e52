import type { AppConfig } from '../config/schema.js';
import { UserError } from '../errors.js';
import { createPlexClient, type PlexClient } from '../media/plex-client.js';
import type { QbtLoginGate } from '../media/qbittorrent-login-gate.js';
import { overseerrE2e, type OverseerrE2e } from './overseerr-e2e.js';
import { qbittorrentReader, type QbittorrentReader } from './qbittorrent-reader.js';
import { radarrReader, type RadarrReader } from './radarr-reader.js';

/** The services one `/e2e` run talks to. */
export interface E2eServices {
  readonly overseerr: OverseerrE2e;
  readonly radarr: RadarrReader;
  readonly qbittorrent: QbittorrentReader;
  readonly plex: PlexClient;
}

/** Builds the clients from `media.*`; a missing section is a UserError naming the config keys. */
export function createE2eServices(config: AppConfig, qbtGate?: QbtLoginGate): E2eServices {
  const media = config.media;
  const missing = (['overseerr', 'radarr', 'qbittorrent', 'plex'] as const).filter((k) => media?.[k] === undefined);
  if (media === undefined || missing.length > 0) {
    throw new UserError(
      'e2e-not-configured',
      `/e2e needs ${missing.map((k) => `media.${k}`).join(', ')} in the config (see config.example.yaml).`,
    );
  }
  const { overseerr, radarr, qbittorrent, plex } = media;
  const callTimeoutMs = config.timeouts.ms.http;
  if (overseerr === undefined || radarr === undefined || qbittorrent === undefined || plex === undefined)
    throw new Error('unreachable');
  return {
    overseerr: overseerrE2e(overseerr.url, overseerr.apiKey, callTimeoutMs),
    radarr: radarrReader({ url: radarr.url, apiKey: radarr.apiKey, timeoutMs: callTimeoutMs }),
    qbittorrent: qbittorrentReader({
      ...qbittorrent,
      timeoutMs: callTimeoutMs,
      ...(qbtGate === undefined ? {} : { gate: qbtGate }),
    }),
    plex: createPlexClient({ url: plex.url, token: plex.token, timeoutMs: callTimeoutMs }),
  };
}
