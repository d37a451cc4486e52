import type { GluetunClient } from '../media/gluetun-client.js';
import type { QbittorrentClient } from '../media/qbittorrent-client.js';
import { defineCheck, failed, passed, type Check, type Finding } from './check.js';
import { guarded } from './guarded.js';
import { ipInCidrs } from './ip-in-cidr.js';

const leak = (ip: string): Finding => ({
  summary: `The VPN's public IP ${ip} is in your home range (media.homeCidrs).`,
  diagnosis: 'Traffic through Gluetun leaves with your home address: the tunnel is not up or routes around the VPN.',
  suggestion:
    'Restart gluetun and read its log (`docker logs gluetun`): check the VPN credentials/server and FIREWALL settings; keep qBittorrent stopped until the IP changes.',
});

/** `gluetun.vpn`: Gluetun reports running, its public IP is not home's, and qBittorrent's own external IP agrees. */
export function vpnIpCheck(
  gluetun: GluetunClient,
  homeCidrs: readonly string[],
  qbt: QbittorrentClient | undefined,
): Check {
  return defineCheck({
    id: 'gluetun.vpn',
    service: 'gluetun',
    title: 'VPN connected with a non-home public IP',
    run: (_ctx, signal) =>
      guarded(async () => {
        const status = await gluetun.vpnStatus(signal);
        if (status !== 'running') {
          return failed({
            summary: `Gluetun's VPN is ${status === '' ? 'in an unknown state' : status}, not running.`,
            diagnosis: "Without the tunnel, Gluetun's firewall blocks qBittorrent: downloads stall.",
            suggestion:
              'Read `docker logs gluetun` for the VPN error (credentials, server, WireGuard key) and restart gluetun.',
          });
        }
        const { ip } = await gluetun.publicIp(signal);
        if (ip === '') {
          return failed({
            summary: 'Gluetun does not know its public IP yet.',
            diagnosis: 'The tunnel may be up but without internet access.',
            suggestion: 'Check `docker logs gluetun` for public IP lookup errors and the DNS settings.',
          });
        }
        if (ipInCidrs(ip, homeCidrs)) return failed(leak(ip));
        const seen = qbt === undefined ? '' : ((await qbt.transferInfo(signal)).last_external_address_v4 ?? '');
        if (seen !== '' && seen !== ip) {
          return failed({
            summary: `qBittorrent's external address ${seen} differs from Gluetun's public IP ${ip}.`,
            diagnosis: ipInCidrs(seen, homeCidrs)
              ? 'qBittorrent talks to peers with your home IP: it is not behind the VPN.'
              : 'qBittorrent does not use the same tunnel as Gluetun.',
            suggestion:
              'Put qBittorrent in Gluetun\'s network (network_mode: "service:gluetun") and bind it to the tunnel interface (Options → Advanced → Network interface tun0/wg0).',
          });
        }
        return passed(`running, public IP ${ip}${seen === '' ? '' : ', qBittorrent agrees'}`);
      }),
  });
}
