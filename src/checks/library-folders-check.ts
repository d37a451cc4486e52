import type { ArrClient } from '../media/arr-client.js';
import type { LibraryServer } from '../media/library-server.js';
import { defineCheck, failed, passed, type Check, type Finding } from './check.js';
import { toHostPath, type ContainerView } from './container-view.js';
import { guarded } from './guarded.js';

/** One *arr whose root folders the media server must cover. */
export interface RootSource {
  readonly service: 'radarr' | 'sonarr';
  readonly name: string;
  readonly client: ArrClient;
  /** Library type that should show this app's media. */
  readonly sectionType: 'movie' | 'show';
}

const norm = (p: string): string => p.replace(/\/+$/, '') || '/';
const covers = (outer: string, inner: string): boolean =>
  norm(inner) === norm(outer) || norm(inner).startsWith(`${norm(outer)}/`);

/** Where to add a folder, in the server's own UI. */
const addFolderHint = (library: LibraryServer, type: 'movie' | 'show', hostPath: string): string =>
  library.id === 'plex'
    ? `Plex → the ${type === 'movie' ? 'Movies' : 'TV Shows'} library → Edit → Add folders: the path where the Plex container sees ${hostPath}, or fix the Plex volume mounts.`
    : `Jellyfin → Dashboard → Libraries → the ${type === 'movie' ? 'Movies' : 'Shows'} library → Manage library → Folders → add the path where the Jellyfin container sees ${hostPath} (content type ${type === 'movie' ? 'Movies' : 'Shows'}), or fix the Jellyfin volume mounts.`;

/**
 * `plex.folders` / `jellyfin.folders`: every Radarr/Sonarr root folder lies inside a library folder of
 * the right type, compared on the host (the same path logic for Plex and Jellyfin).
 */
export function libraryFoldersCheck(
  library: LibraryServer,
  sources: readonly RootSource[],
  containers: ContainerView | undefined,
): Check {
  return defineCheck({
    id: `${library.id}.folders`,
    service: library.id,
    title: `${library.name} libraries cover the Radarr/Sonarr root folders`,
    run: (_ctx, signal) =>
      guarded(async () => {
        const sections = await library.sections(signal);
        const serverC = await containers?.find(library.id);
        const findings: Finding[] = [];
        let matched = 0;
        for (const src of sources) {
          const [roots, arrC] = await Promise.all([src.client.rootFolders(signal), containers?.find(src.service)]);
          const hostOf = (mounts: typeof arrC, p: string): string =>
            mounts === undefined ? p : (toHostPath(mounts.mounts, p) ?? `${p} (not mounted)`);
          const libs = sections
            .filter((s) => s.type === src.sectionType)
            .flatMap((s) => s.locations.map((l) => ({ section: s.title, path: l, host: hostOf(serverC, l) })));
          for (const root of roots) {
            const rootHost = hostOf(arrC, root.path);
            if (libs.some((l) => covers(l.host, rootHost))) {
              matched += 1;
              continue;
            }
            findings.push({
              summary: `${src.name} root folder ${root.path}${rootHost === root.path ? '' : ` (host ${rootHost})`} is in no ${library.name} ${src.sectionType} library (${libs.map((l) => `${l.section}: ${l.path}`).join(', ') || 'none'}).`,
              diagnosis: `Files ${src.name} imports there never show up in ${library.name}, so requests never become "available".`,
              suggestion: addFolderHint(library, src.sectionType, rootHost),
            });
          }
        }
        return findings.length > 0 ? failed(...findings) : passed(`${matched} root folder(s) covered`);
      }),
  });
}
