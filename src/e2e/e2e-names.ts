/** Which products fill the request and library hops of this run. */
export interface E2eNames {
  readonly requests: 'Overseerr' | 'Jellyseerr';
  readonly library: 'Plex' | 'Jellyfin';
}

export const plexOverseerr: E2eNames = { requests: 'Overseerr', library: 'Plex' };

/**
 * Step labels and texts are written for Plex + Overseerr; a Jellyfin + Jellyseerr run shows them
 * with those names (Jellyseerr's menus match Overseerr's: "Settings → Jellyfin", the "Jellyfin
 * Recently Added Scan" job).
 */
export function nameE2e(text: string, names: E2eNames): string {
  return text.replace(/\bOverseerr\b/g, names.requests).replace(/\bPlex\b/g, names.library);
}
