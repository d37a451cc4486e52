import type { ArrClient } from '../media/arr-client.js';
import { fieldValue } from '../media/arr-schemas.js';
import type { QbittorrentClient } from '../media/qbittorrent-client.js';
import { defineCheck, failed, passed, skipped, type Check, type CheckResult } from './check.js';
import { toContainerPath, toHostPath, type ContainerFacts, type ContainerView } from './container-view.js';
import { qbtOutputDir, remapToLocal } from './download-path.js';
import { guarded } from './guarded.js';

interface Paths {
  readonly name: string;
  readonly qbtDir: string;
  readonly arrPath: string;
  readonly clientHost: string;
}

function compareOnHost(p: Paths, qbtC: ContainerFacts, arrC: ContainerFacts): CheckResult {
  const qbtHost = toHostPath(qbtC.mounts, p.qbtDir);
  if (qbtHost === undefined) {
    return failed({
      summary: `qBittorrent saves to ${p.qbtDir}, which no volume of container ${qbtC.name} provides.`,
      diagnosis:
        "Downloads stay inside the container's own filesystem, invisible to everything else and lost on recreate.",
      suggestion: `Mount the downloads folder into ${qbtC.service} at ${p.qbtDir} (volumes in stack ${qbtC.stack}) or point qBittorrent's save path at a mounted folder.`,
    });
  }
  const arrHost = toHostPath(arrC.mounts, p.arrPath);
  if (arrHost === qbtHost) return passed(`qBittorrent ${p.qbtDir} = ${p.name} ${p.arrPath} = host ${qbtHost}`);
  const visibleAt = toContainerPath(arrC.mounts, qbtHost);
  const summary =
    arrHost === undefined
      ? `${p.name} looks for finished downloads in ${p.arrPath}, which no volume of container ${arrC.name} provides (qBittorrent writes to host ${qbtHost}).`
      : `qBittorrent writes to host ${qbtHost} but ${p.name} looks in ${p.arrPath} = host ${arrHost}.`;
  const diagnosis = `${p.name} cannot find completed downloads, so nothing gets imported ("same host path, different container path" needs a Remote Path Mapping).`;
  if (visibleAt !== undefined) {
    return failed({
      summary,
      diagnosis,
      suggestion: `${p.name} → Settings → Download Clients → Remote Path Mappings: host ${p.clientHost}, remote path ${p.qbtDir}/, local path ${visibleAt}/.`,
    });
  }
  return failed({
    summary,
    diagnosis,
    suggestion: `Add volume ${qbtHost}:${p.arrPath} to ${arrC.service} in stack ${arrC.stack} (the "Open fix PR" button does this).`,
    fix: {
      stack: arrC.stack,
      service: arrC.service,
      field: 'volumes',
      value: `${qbtHost}:${p.arrPath}`,
      reason: `${p.name} must see qBittorrent's download folder ${qbtHost} at ${p.arrPath}`,
    },
  });
}

/** `<arr>.download-path`: qBittorrent's save path, through remote path mappings and volume mounts, is where Radarr/Sonarr look. */
export function pathAlignmentCheck(
  service: 'radarr' | 'sonarr',
  name: string,
  arr: ArrClient,
  qbt: QbittorrentClient,
  containers: ContainerView | undefined,
): Check {
  const categoryField = service === 'radarr' ? 'movieCategory' : 'tvCategory';
  return defineCheck({
    id: `${service}.download-path`,
    service,
    title: `${name} sees qBittorrent's download folder`,
    run: (_ctx, signal) =>
      guarded(async () => {
        const qb = (await arr.downloadClients(signal)).find(
          (c) => c.implementation === 'QBittorrent' && c.enable !== false,
        );
        if (qb === undefined) return skipped(`not checked: ${name} has no qBittorrent download client`);
        const category = fieldValue(qb, categoryField);
        const host = fieldValue(qb, 'host');
        const clientHost = typeof host === 'string' ? host : '';
        const [prefs, categories, mappings] = await Promise.all([
          qbt.preferences(signal),
          qbt.categories(signal),
          arr.remotePathMappings(signal),
        ]);
        const qbtDir = qbtOutputDir(prefs, categories, typeof category === 'string' ? category : undefined);
        const { path: arrPath } = remapToLocal(qbtDir, clientHost, mappings);
        const paths: Paths = { name, qbtDir, arrPath, clientHost };
        const [qbtC, arrC] =
          containers === undefined ? [] : await Promise.all([containers.find('qbittorrent'), containers.find(service)]);
        if (qbtC !== undefined && arrC !== undefined) return compareOnHost(paths, qbtC, arrC);
        return arrPath === qbtDir
          ? passed(`same path ${qbtDir} (container mounts not checked: no Docker access)`)
          : passed(`qBittorrent ${qbtDir} → ${name} ${arrPath} by remote path mapping (container mounts not checked)`);
      }),
  });
}
