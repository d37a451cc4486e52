import { defineCheck, failed, passed, skipped, type Check } from './check.js';
import type { ContainerView } from './container-view.js';

/** `qbittorrent.vpn-network`: the qBittorrent container shares the Gluetun container's network (`network_mode`). */
export function vpnNetworkCheck(containers: ContainerView): Check {
  return defineCheck({
    id: 'qbittorrent.vpn-network',
    service: 'qbittorrent',
    title: 'qBittorrent only talks through Gluetun',
    run: async () => {
      const [qbt, gluetun] = await Promise.all([containers.find('qbittorrent'), containers.find('gluetun')]);
      if (qbt === undefined)
        return skipped('not checked: no container of compose service "qbittorrent" on the configured hosts');
      if (gluetun === undefined)
        return skipped('not checked: no container of compose service "gluetun" on the configured hosts');
      const ref = qbt.networkMode.startsWith('container:') ? qbt.networkMode.slice('container:'.length) : undefined;
      if (ref !== undefined && ref !== '' && (gluetun.id.startsWith(ref) || ref === gluetun.name)) {
        return passed(`network_mode container:${gluetun.name}`);
      }
      return failed({
        summary: `qBittorrent (${qbt.name}) uses network "${qbt.networkMode}", not Gluetun's (${gluetun.name}).`,
        diagnosis:
          "Torrent traffic leaves through the host's own connection, with your home IP, and keeps going when the VPN drops.",
        suggestion: `Set network_mode: "service:gluetun" on qbittorrent in stack ${qbt.stack}, move its published ports to gluetun, and point Radarr/Sonarr at host gluetun.`,
        fix: {
          stack: qbt.stack,
          service: qbt.service,
          field: 'network_mode',
          value: 'service:gluetun',
          reason: "qBittorrent must share Gluetun's network namespace (VPN kill switch)",
        },
      });
    },
  });
}
