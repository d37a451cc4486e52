import type { MediaConfig } from '../config/schema.js';
import { ServiceCallError } from '../media/network-failure.js';
import type { ServiceName } from './check.js';
import { callMedia } from '../media/media-http.js';
import { serviceTitle } from './render-health.js';

/** A quick "is anything answering" per service: any HTTP status counts as up. */
export interface ServicePing {
  readonly service: ServiceName;
  readonly up: boolean;
  /** `HTTP 200` or the failure (`refused`, `timeout`, …). */
  readonly detail: string;
}

const urls = (media: MediaConfig): [ServiceName, string][] =>
  (['overseerr', 'radarr', 'sonarr', 'prowlarr', 'qbittorrent', 'plex', 'jellyfin', 'gluetun'] as const).flatMap(
    (s): [ServiceName, string][] => {
      const entry = media[s];
      if (entry === undefined) return [];
      // The request server is `media.overseerr` after validation, Overseerr or Jellyseerr by `flavor`.
      return [['flavor' in entry ? entry.flavor : s, entry.url]];
    },
  );

/** Pings every configured service at once, each limited to `timeoutMs` (no credentials sent). */
export async function pingServices(
  media: MediaConfig | undefined,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ServicePing[]> {
  if (media === undefined) return [];
  return Promise.all(
    urls(media).map(async ([service, url]): Promise<ServicePing> => {
      try {
        const reply = await callMedia(
          { service: serviceTitle[service], url, headers: {}, timeoutMs },
          { method: 'GET', path: '', signal },
        );
        return { service, up: true, detail: `HTTP ${reply.status}` };
      } catch (error) {
        return { service, up: false, detail: error instanceof ServiceCallError ? error.failure : 'unreachable' };
      }
    }),
  );
}
