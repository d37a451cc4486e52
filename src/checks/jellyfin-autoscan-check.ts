import type { JellyfinClient } from '../media/jellyfin-client.js';
import { defineCheck, failed, passed, type Check } from './check.js';
import { guarded } from './guarded.js';

/**
 * `jellyfin.autoscan`: every movie and show library notices new files, by real-time monitoring or
 * by the scheduled "Scan Media Library" task.
 */
export function jellyfinAutoscanCheck(jellyfin: JellyfinClient): Check {
  return defineCheck({
    id: 'jellyfin.autoscan',
    service: 'jellyfin',
    title: 'Jellyfin updates libraries automatically',
    run: (_ctx, signal) =>
      guarded(async () => {
        const [libraries, triggers] = await Promise.all([
          jellyfin.libraries(signal),
          jellyfin.libraryScanTriggers(signal),
        ]);
        const media = libraries.filter((l) => l.collectionType === 'movies' || l.collectionType === 'tvshows');
        const off = media.filter((l) => !l.realtimeMonitor);
        const scheduled = triggers !== undefined && triggers > 0;
        if (off.length === 0)
          return passed(`real-time monitoring on in ${media.length} librar${media.length === 1 ? 'y' : 'ies'}`);
        if (scheduled)
          return passed(
            `scheduled library scan (${triggers} trigger(s)); real-time monitoring off in ${off.map((l) => l.name).join(', ')}`,
          );
        return failed({
          summary: `Jellyfin's real-time monitoring is off in ${off.map((l) => `"${l.name}"`).join(', ')} and the "Scan Media Library" task has no trigger.`,
          diagnosis:
            'Imported movies and episodes never appear in Jellyfin until someone scans by hand, so Jellyseerr keeps showing them as "processing".',
          suggestion:
            'Jellyfin → Dashboard → Libraries → each library → Manage library → enable "Real time monitoring"; or Dashboard → Scheduled Tasks → Scan Media Library → add a trigger (e.g. every 12 hours); or add a Jellyfin connection (Emby / Jellyfin) in Radarr/Sonarr → Settings → Connect.',
        });
      }),
  });
}
