import type { MediaConfig } from '../config/schema.js';
import { jellyfinAuthHeader } from '../media/jellyfin-client.js';
import { requestServerName } from '../media/overseerr-http.js';
import type { ApiSpec } from './service-api-check.js';
import { textAt } from './service-api-check.js';

type Common = Pick<ApiSpec, 'timeoutMs'> & { readonly fetch?: typeof fetch };

const servarr =
  (service: 'radarr' | 'sonarr' | 'prowlarr', name: string, api: string) =>
  (cfg: { url: string; apiKey: string }, common: Common): ApiSpec => ({
    service,
    name,
    url: cfg.url,
    headers: { 'X-Api-Key': cfg.apiKey },
    ...common,
    probes: [{ path: `/api/${api}/system/status`, version: textAt('version') }],
  });

/** The API check specs of every configured HTTP service (qBittorrent has its own login check). */
export function serviceApiSpecs(media: MediaConfig, common: Common): ApiSpec[] {
  const specs: ApiSpec[] = [];
  const { overseerr, radarr, sonarr, prowlarr, plex, jellyfin, gluetun } = media;
  if (overseerr !== undefined) {
    specs.push({
      service: overseerr.flavor,
      name: requestServerName(overseerr),
      url: overseerr.url.replace(/\/api\/v1\/?$/, ''),
      headers: { 'X-Api-Key': overseerr.apiKey },
      ...common,
      probes: [{ path: '/api/v1/status', version: textAt('version') }, { path: '/api/v1/auth/me' }],
    });
  }
  if (radarr !== undefined) specs.push(servarr('radarr', 'Radarr', 'v3')(radarr, common));
  if (sonarr !== undefined) specs.push(servarr('sonarr', 'Sonarr', 'v3')(sonarr, common));
  if (prowlarr !== undefined) specs.push(servarr('prowlarr', 'Prowlarr', 'v1')(prowlarr, common));
  if (plex !== undefined) {
    specs.push({
      service: 'plex',
      name: 'Plex',
      url: plex.url,
      headers: { 'X-Plex-Token': plex.token },
      ...common,
      probes: [{ path: '/identity', version: textAt('MediaContainer', 'version') }, { path: '/library/sections' }],
    });
  }
  if (jellyfin !== undefined) {
    specs.push({
      service: 'jellyfin',
      name: 'Jellyfin',
      url: jellyfin.url,
      headers: jellyfinAuthHeader(jellyfin.apiKey),
      ...common,
      probes: [{ path: '/System/Info', version: textAt('Version') }, { path: '/Library/VirtualFolders' }],
    });
  }
  if (gluetun !== undefined) {
    specs.push({
      service: 'gluetun',
      name: 'Gluetun',
      url: gluetun.url,
      ...common,
      headers: gluetun.apiKey === undefined ? {} : { 'X-API-Key': gluetun.apiKey },
      probes: [{ path: '/v1/vpn/status' }, { path: '/v1/version', version: textAt('version'), optional: true }],
    });
  }
  return specs;
}
