import type { PlexClient } from '../media/plex-client.js';
import { isPlexTrue } from '../media/plex-schemas.js';
import { defineCheck, failed, passed, type Check } from './check.js';
import { guarded } from './guarded.js';

/** `plex.autoscan`: "Scan my library automatically" (FSEventLibraryUpdatesEnabled) is on. */
export function plexAutoscanCheck(plex: PlexClient): Check {
  return defineCheck({
    id: 'plex.autoscan',
    service: 'plex',
    title: 'Plex updates libraries automatically',
    run: (_ctx, signal) =>
      guarded(async () => {
        const value = (await plex.prefs(signal)).get('FSEventLibraryUpdatesEnabled');
        if (isPlexTrue(value)) return passed('FSEventLibraryUpdatesEnabled on');
        return failed({
          summary: 'Plex\'s "Scan my library automatically" is off.',
          diagnosis:
            'Imported movies and episodes only appear after a scheduled or manual scan, so Overseerr keeps showing them as "processing".',
          suggestion:
            'Plex → Settings → Library → enable "Scan my library automatically" (or add a Plex Media Server connection in Radarr/Sonarr → Settings → Connect).',
        });
      }),
  });
}
