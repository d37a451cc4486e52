import type { QbittorrentClient } from '../media/qbittorrent-client.js';
import { defineCheck, failed, passed, type Check } from './check.js';
import { failureFinding } from './failure-finding.js';

/** `qbittorrent.api`: the WebUI answers and our login works (cookie session, `Fails.` = wrong password). */
export function qbittorrentApiCheck(client: QbittorrentClient): Check {
  return defineCheck({
    id: 'qbittorrent.api',
    service: 'qbittorrent',
    title: 'qBittorrent reachable and login valid',
    run: async (_ctx, signal) => {
      try {
        // One after the other: the first call logs in, the second reuses the session.
        const version = await client.version(signal);
        const api = await client.webapiVersion(signal);
        return passed(`version ${version} (WebAPI ${api})`);
      } catch (error) {
        const finding = failureFinding(error, 'qBittorrent', 'media.qbittorrent');
        if (finding === undefined) throw error;
        return failed(
          finding.diagnosis.startsWith('credentials')
            ? {
                ...finding,
                suggestion:
                  'Set media.qbittorrent.username/password to the WebUI login (Tools → Options → Web UI → Authentication). The bot tries again as soon as they change, else after an hour; if qBittorrent banned its IP, restart qBittorrent or wait out WebUI\\BanDuration.',
              }
            : finding,
        );
      }
    },
  });
}
