import { apiKeyRefsCheck } from './api-key-refs-check.js';
import { arrDownloadClientCheck } from './arr-download-client-check.js';
import { arrIndexersCheck } from './arr-indexers-check.js';
import { jellyfinAutoscanCheck } from './jellyfin-autoscan-check.js';
import { jellyseerrJellyfinCheck } from './jellyseerr-jellyfin-check.js';
import { libraryFoldersCheck } from './library-folders-check.js';
import { overseerrArrCheck } from './overseerr-arr-check.js';
import { pathAlignmentCheck } from './path-alignment-check.js';
import { plexAutoscanCheck } from './plex-autoscan-check.js';
import { prowlarrSearchCheck } from './prowlarr-search-check.js';
import { qbittorrentApiCheck } from './qbittorrent-api-check.js';
import { serviceApiCheck } from './service-api-check.js';
import { vpnIpCheck } from './vpn-ip-check.js';
import { vpnNetworkCheck } from './vpn-network-check.js';

/**
 * Every health check, one per `*-check.ts` file, listed explicitly. `buildChecks` reaches them only
 * through this table (registry.test.ts fails for a check file missing here or never built).
 */
export const checkFactories = {
  serviceApiCheck,
  qbittorrentApiCheck,
  prowlarrSearchCheck,
  arrIndexersCheck,
  arrDownloadClientCheck,
  pathAlignmentCheck,
  overseerrArrCheck,
  apiKeyRefsCheck,
  vpnIpCheck,
  vpnNetworkCheck,
  plexAutoscanCheck,
  libraryFoldersCheck,
  jellyfinAutoscanCheck,
  jellyseerrJellyfinCheck,
} as const;
