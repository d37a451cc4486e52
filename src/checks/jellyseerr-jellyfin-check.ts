import type { JellyfinClient } from '../media/jellyfin-client.js';
import { replyError } from '../media/network-failure.js';
import { callOverseerr, type OverseerrHttpOptions } from '../media/overseerr-http.js';
import { defineCheck, failed, passed, type Check, type Finding } from './check.js';
import { guarded } from './guarded.js';
import { pick } from './service-api-check.js';

const get = (target: OverseerrHttpOptions, path: string, signal: AbortSignal) =>
  callOverseerr(target, { method: 'GET', path: `/settings/jellyfin${path}`, signal });

const settingsHint =
  'Jellyseerr → Settings → Jellyfin: the Jellyfin URL as Jellyseerr reaches it (the container name on the docker network both share, e.g. http://jellyfin:8096), and its API key (Jellyfin → Dashboard → API Keys); Save, then "Sync Libraries".';

/**
 * `jellyseerr.jellyfin`: Jellyseerr reaches its Jellyfin with its own settings (`GET
 * /settings/jellyfin/users` makes Jellyseerr ask Jellyfin), that Jellyfin is the one in
 * `media.jellyfin` (server id), and at least one library is enabled for availability sync.
 */
export function jellyseerrJellyfinCheck(target: OverseerrHttpOptions, jellyfin: JellyfinClient): Check {
  return defineCheck({
    id: 'jellyseerr.jellyfin',
    service: 'jellyseerr',
    title: 'Jellyseerr reaches Jellyfin and syncs its libraries',
    run: (_ctx, signal) =>
      guarded(async () => {
        const settings = await get(target, '', signal);
        if (settings.status !== 200)
          throw replyError(
            settings.site,
            settings.status === 401 || settings.status === 403 ? 'unauthorized' : 'http-error',
            {
              status: settings.status,
            },
          );
        const hostname = pick(settings.body, 'hostname');
        const where = typeof hostname === 'string' && hostname !== '' ? hostname : undefined;
        if (where === undefined)
          return failed({
            summary: 'Jellyseerr has no Jellyfin server set up.',
            diagnosis:
              'Jellyseerr cannot sign family members in with Jellyfin nor tell when a request became available.',
            suggestion: settingsHint,
          });
        const users = await get(target, '/users', signal);
        if (users.status !== 200) {
          const said = pick(users.body, 'message');
          return failed({
            summary: `Jellyseerr cannot reach Jellyfin at ${where}: ${typeof said === 'string' ? said : `HTTP ${users.status}`}`,
            diagnosis:
              'Jellyseerr\'s Jellyfin URL or API key is wrong (or Jellyfin is down for Jellyseerr), so requests never turn "available" and Jellyfin sign-in fails.',
            suggestion: settingsHint,
          });
        }
        const findings: Finding[] = [];
        const serverId = pick(settings.body, 'serverID');
        const ours = (await jellyfin.systemInfo(signal)).id;
        if (typeof serverId === 'string' && serverId !== '' && serverId !== ours)
          findings.push({
            summary: `Jellyseerr is connected to Jellyfin server ${serverId} at ${where}, not the one in media.jellyfin (${ours}).`,
            diagnosis:
              'Jellyseerr watches a different Jellyfin than the one Radarr/Sonarr fill, so requests never turn "available".',
            suggestion: settingsHint,
          });
        const libraries = pick(settings.body, 'libraries');
        const enabled = Array.isArray(libraries) ? libraries.filter((l) => pick(l, 'enabled') === true) : [];
        if (enabled.length === 0)
          findings.push({
            summary: 'Jellyseerr syncs no Jellyfin library (none enabled).',
            diagnosis:
              'Jellyseerr never sees imported movies and shows, so requests stay "processing" and no "available" notices go out.',
            suggestion:
              'Jellyseerr → Settings → Jellyfin → Sync Libraries, then enable the Movies and Shows libraries; Save.',
          });
        return findings.length > 0
          ? failed(...findings)
          : passed(`reaches ${where}; ${enabled.length} librar${enabled.length === 1 ? 'y' : 'ies'} synced`);
      }),
  });
}
