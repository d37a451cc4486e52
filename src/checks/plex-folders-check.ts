import type { ArrClient } from '../media/arr-client.js';
import type { PlexClient } from '../media/plex-client.js';
import { defineCheck, failed, passed, type Check, type Finding } from './check.js';
import { toHostPath, type ContainerView } from './container-view.js';
import { guarded } from './guarded.js';

/** One *arr whose root folders Plex must cover. */
export interface RootSource {
  readonly service: 'radarr' | 'sonarr';
  readonly name: string;
  readonly client: ArrClient;
  /** Plex section type that should show this app's media. */
  readonly sectionType: 'movie' | 'show';
}

const norm = (p: string): string => p.replace(/\/+$/, '') || '/';
const covers = (outer: string, inner: string): boolean =>
  norm(inner) === norm(outer) || norm(inner).startsWith(`${norm(outer)}/`);

/** `plex.folders`: every Radarr/Sonarr root folder lies inside a Plex library folder of the right type, compared on the host. */
export function plexFoldersCheck(
  plex: PlexClient,
  sources: readonly RootSource[],
  containers: ContainerView | undefined,
): Check {
  return defineCheck({
    id: 'plex.folders',
    service: 'plex',
    title: 'Plex libraries cover the Radarr/Sonarr root folders',
    run: (_ctx, signal) =>
      guarded(async () => {
        const sections = await plex.sections(signal);
        const plexC = await containers?.find('plex');
        const findings: Finding[] = [];
        let matched = 0;
        for (const src of sources) {
          const [roots, arrC] = await Promise.all([src.client.rootFolders(signal), containers?.find(src.service)]);
          const hostOf = (mounts: typeof arrC, p: string): string =>
            mounts === undefined ? p : (toHostPath(mounts.mounts, p) ?? `${p} (not mounted)`);
          const libs = sections
            .filter((s) => s.type === src.sectionType)
            .flatMap((s) => s.locations.map((l) => ({ section: s.title, path: l, host: hostOf(plexC, l) })));
          for (const root of roots) {
            const rootHost = hostOf(arrC, root.path);
            if (libs.some((l) => covers(l.host, rootHost))) {
              matched += 1;
              continue;
            }
            findings.push({
              summary: `${src.name} root folder ${root.path}${rootHost === root.path ? '' : ` (host ${rootHost})`} is in no Plex ${src.sectionType} library (${libs.map((l) => `${l.section}: ${l.path}`).join(', ') || 'none'}).`,
              diagnosis: `Files ${src.name} imports there never show up in Plex, so requests never become "available".`,
              suggestion: `Plex → the ${src.sectionType === 'movie' ? 'Movies' : 'TV Shows'} library → Edit → Add folders: the path where the Plex container sees ${rootHost}, or fix the Plex volume mounts.`,
            });
          }
        }
        return findings.length > 0 ? failed(...findings) : passed(`${matched} root folder(s) covered`);
      }),
  });
}
