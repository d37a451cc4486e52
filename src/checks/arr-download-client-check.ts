import type { ArrClient } from '../media/arr-client.js';
import { fieldValue } from '../media/arr-schemas.js';
import type { QbittorrentClient } from '../media/qbittorrent-client.js';
import { defineCheck, failed, passed, warned, type Check } from './check.js';
import { guarded } from './guarded.js';

/** `<arr>.download-client`: an enabled qBittorrent client whose test passes, and its category exists. */
export function arrDownloadClientCheck(
  service: 'radarr' | 'sonarr',
  name: string,
  client: ArrClient,
  qbt: QbittorrentClient | undefined,
): Check {
  const categoryField = service === 'radarr' ? 'movieCategory' : 'tvCategory';
  return defineCheck({
    id: `${service}.download-client`,
    service,
    title: `${name} downloads through qBittorrent`,
    run: (_ctx, signal) =>
      guarded(async () => {
        const clients = await client.downloadClients(signal);
        const qb = clients.find((c) => c.implementation === 'QBittorrent' && c.enable !== false);
        if (qb === undefined) {
          return failed({
            summary: `${name} has no enabled qBittorrent download client (${clients.length} client(s) configured).`,
            diagnosis: `Grabbed releases have nowhere to go, so nothing downloads.`,
            suggestion: `${name} → Settings → Download Clients → + → qBittorrent: host = the qBittorrent container (or gluetun when it shares Gluetun's network), port 8080, category ${service === 'radarr' ? 'radarr' : 'tv-sonarr'}; Test, then Save.`,
          });
        }
        const where = `${String(fieldValue(qb, 'host'))}:${String(fieldValue(qb, 'port'))}`;
        const test = await client.testDownloadClient(qb, signal);
        if (!test.ok) {
          return failed({
            summary: `${name}'s download client "${qb.name ?? 'qBittorrent'}" (${where}) fails its test: ${test.failures.map((f) => f.errorMessage).join('; ')}`,
            diagnosis: `${name} cannot log in to or reach qBittorrent with its stored settings.`,
            suggestion: `Check host/port/username/password in ${name} → Settings → Download Clients against the qBittorrent WebUI settings.`,
          });
        }
        const category = fieldValue(qb, categoryField);
        if (qbt !== undefined && typeof category === 'string' && category !== '') {
          const categories = await qbt.categories(signal);
          if (!(category in categories)) {
            return warned({
              summary: `qBittorrent has no category "${category}" that ${name} uses.`,
              diagnosis: `${name} creates it on its first grab, with the default save path; until then the category's path cannot be checked.`,
              suggestion: `Create category "${category}" in qBittorrent (right-click Categories → Add) with the save path you intend, or grab one release from ${name}.`,
            });
          }
        }
        return passed(`${where}, category ${typeof category === 'string' ? category : '?'}, test passes`);
      }),
  });
}
