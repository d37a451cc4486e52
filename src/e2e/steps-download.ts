import { done, fail, need, radarrHealth, wait, type E2eStep, type StepScope } from './e2e-step.js';

const completeStates = new Set([
  'uploading',
  'stalledUP',
  'queuedUP',
  'pausedUP',
  'stoppedUP',
  'forcedUP',
  'checkingUP',
]);

async function queueNote(scope: StepScope): Promise<string> {
  const items = await scope.services.radarr.queue(need(scope.facts, 'movieId')).catch(() => []);
  return items
    .map((q) =>
      [q.status, q.trackedDownloadState, q.errorMessage, ...(q.statusMessages ?? []).flatMap((m) => m.messages ?? [])]
        .filter((x) => x !== undefined && x !== '')
        .join(', '),
    )
    .filter((x) => x !== '')
    .join('; ');
}

/** Radarr searched its (Prowlarr-synced) indexers and sent a release to the download client. */
export const grabStep: E2eStep = {
  id: 'grab',
  label: 'Radarr searched via Prowlarr and grabbed a release',
  expected: () => 'a Radarr queue entry (or grab history) with a download id',
  poll: async (scope) => {
    const movieId = need(scope.facts, 'movieId');
    const queued = (await scope.services.radarr.queue(movieId)).find((q) => q.downloadId !== undefined);
    const downloadId = queued?.downloadId ?? (await scope.services.radarr.grabbedDownloadId(movieId));
    if (downloadId === undefined)
      return wait('no release grabbed yet (Radarr queue and history are empty for the movie)');
    return done(`grabbed ${queued?.title ?? 'a release'} (${downloadId.slice(0, 8).toLowerCase()}…)`, { downloadId });
  },
  diagnose: async (scope) => {
    const indexers = await scope.services.radarr.indexers().catch(() => undefined);
    const searchable = indexers?.filter((i) => i.enableAutomaticSearch !== false) ?? [];
    const health = await radarrHealth(scope, /^Indexer/);
    if (indexers !== undefined && searchable.length === 0) {
      return `Radarr has no indexer with automatic search: in Prowlarr add Radarr under Settings → Apps (sync level Full Sync) and run "Sync App Indexers". ${health}`.trim();
    }
    return `Radarr's ${searchable.length} indexer(s) found no acceptable release: search the title in Prowlarr, and check that the quality profile allows what it finds. ${health}`.trim();
  },
};

/** qBittorrent has the grabbed torrent in the expected category and save path. */
export const torrentStep: E2eStep = {
  id: 'torrent',
  label: 'qBittorrent has the torrent',
  expected: (scope) => `torrent ${scope.facts.downloadId?.toLowerCase() ?? '?'} in category ${scope.config.category}`,
  poll: async (scope) => {
    const hash = need(scope.facts, 'downloadId');
    const torrent = await scope.services.qbittorrent.torrent(hash);
    if (torrent === undefined) return wait(`qBittorrent has no torrent ${hash.toLowerCase()}`);
    const category = scope.config.category;
    if (torrent.category !== category) {
      return fail(
        `category "${torrent.category}"`,
        `Set the Radarr download client's category (movieCategory) to "${category}", or e2e.category to the one Radarr uses.`,
      );
    }
    const savePath = (await scope.services.qbittorrent.categories())[category]?.savePath ?? '';
    const base = await scope.services.qbittorrent.defaultSavePath();
    const expected =
      savePath === '' ? base : savePath.startsWith('/') ? savePath : `${base.replace(/\/+$/, '')}/${savePath}`;
    if (!(torrent.save_path ?? '').replace(/\/+$/, '').startsWith(expected.replace(/\/+$/, ''))) {
      return fail(
        `save path ${torrent.save_path ?? '?'} (category ${category} saves to ${expected})`,
        "Turn on Automatic Torrent Management in qBittorrent (or the Radarr download client's category), so torrents land in the category's save path.",
      );
    }
    return done(`category ${category}, ${torrent.save_path ?? '?'}`);
  },
  diagnose: async (scope) => {
    const queue = await queueNote(scope);
    const health = await radarrHealth(scope, /^DownloadClient/);
    return `Radarr grabbed but qBittorrent never got the torrent: Radarr → Settings → Download Clients → Test. ${queue === '' ? '' : `Radarr queue: ${queue}.`} ${health}`.trim();
  },
};

/** The torrent finished downloading. */
export const downloadStep: E2eStep = {
  id: 'download',
  label: 'download completed',
  expected: () => 'progress 100 % (a seeding state)',
  poll: async (scope) => {
    const torrent = await scope.services.qbittorrent.torrent(need(scope.facts, 'downloadId'));
    if (torrent === undefined)
      return fail(
        'the torrent disappeared from qBittorrent',
        'Something removed it (Radarr failed-download handling or a person); check Radarr → Activity → History.',
      );
    const seen = `${torrent.state}, ${Math.floor(torrent.progress * 100)} %`;
    if (torrent.state === 'error' || torrent.state === 'missingFiles') {
      return fail(
        seen,
        `qBittorrent cannot read/write ${torrent.save_path}: check the downloads volume is mounted and writable for the qBittorrent user.`,
      );
    }
    return completeStates.has(torrent.state) || torrent.progress >= 1 ? done(seen) : wait(seen);
  },
  diagnose: (_scope, seen) => {
    if (/^(stalledDL|metaDL|forcedMetaDL)/.test(seen)) {
      return Promise.resolve(
        'No peers: check the VPN (Gluetun up, port forwarding) and qBittorrent\'s connection status; the release may be dead — remove it in Radarr\'s queue with "blocklist" and search again.',
      );
    }
    if (/^(pausedDL|stoppedDL)/.test(seen))
      return Promise.resolve(
        'The torrent is paused: resume it, and check the Radarr download client\'s "initial state".',
      );
    if (/^queuedDL/.test(seen))
      return Promise.resolve('qBittorrent queued it: raise Options → BitTorrent → maximum active downloads.');
    return Promise.resolve('The download is slow: raise the e2e.timeouts.download or pick a smaller test title.');
  },
};

export { queueNote };
