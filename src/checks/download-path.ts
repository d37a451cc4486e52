import type { RemotePathMapping } from '../media/arr-schemas.js';
import type { QbtCategories, QbtPreferences } from '../media/qbittorrent-schemas.js';

const norm = (p: string): string => p.replace(/\/+$/, '') || '/';

/** qBittorrent's output folder for a category, as Radarr/Sonarr see it (`QBittorrent.GetStatus()`). */
export function qbtOutputDir(prefs: QbtPreferences, categories: QbtCategories, category: string | undefined): string {
  const own = category === undefined ? '' : (categories[category]?.savePath ?? '');
  if (own === '') return norm(prefs.save_path);
  return own.startsWith('/') ? norm(own) : `${norm(prefs.save_path)}/${norm(own)}`;
}

/** Applies the first Remote Path Mapping whose host matches (case-insensitive) and whose remotePath prefixes `path`. */
export function remapToLocal(
  path: string,
  host: string,
  mappings: readonly RemotePathMapping[],
): { path: string; mapping?: RemotePathMapping } {
  const p = norm(path);
  for (const m of mappings) {
    const remote = norm(m.remotePath);
    if (m.host.toLowerCase() !== host.toLowerCase()) continue;
    if (p === remote || p.startsWith(`${remote}/`))
      return { path: `${norm(m.localPath)}${p.slice(remote.length)}`, mapping: m };
  }
  return { path: p };
}
