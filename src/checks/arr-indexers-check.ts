import type { ArrClient } from '../media/arr-client.js';
import type { ArrIndexer } from '../media/arr-schemas.js';
import { fieldValue } from '../media/arr-schemas.js';
import { defineCheck, failed, passed, type Check, type Finding } from './check.js';
import { guarded } from './guarded.js';

/** Prowlarr-synced indexers: named `<name> (Prowlarr)`, or their baseUrl is under Prowlarr's URL. */
export function isProwlarrSynced(indexer: ArrIndexer, prowlarrUrls: readonly string[]): boolean {
  if (indexer.name?.endsWith(' (Prowlarr)') === true) return true;
  const base = fieldValue(indexer, 'baseUrl');
  return typeof base === 'string' && prowlarrUrls.some((u) => base.startsWith(u.replace(/\/+$/, '')));
}

const noneSynced = (name: string, total: number): Finding => ({
  summary: `${name} has no indexers synced from Prowlarr (${total} indexer${total === 1 ? '' : 's'} in total).`,
  diagnosis: `Prowlarr pushes its indexers to every app under Settings → Apps; none of ${name}'s indexers is named "… (Prowlarr)" or points at Prowlarr, so ${name} cannot search.`,
  suggestion: `In Prowlarr: Settings → Apps → add ${name} (Sync Level "Full Sync", ${name}'s URL and API key), then System → Tasks → Application Indexer Sync.`,
});

/** `<arr>.indexers`: Radarr/Sonarr have indexers synced from Prowlarr and each passes `indexer/test`. */
export function arrIndexersCheck(
  service: 'radarr' | 'sonarr',
  name: string,
  client: ArrClient,
  prowlarrUrls: readonly string[],
): Check {
  return defineCheck({
    id: `${service}.indexers`,
    service,
    title: `${name} has working indexers from Prowlarr`,
    run: (_ctx, signal) =>
      guarded(async () => {
        const indexers = await client.indexers(signal);
        const synced = indexers.filter((i) => isProwlarrSynced(i, prowlarrUrls));
        if (synced.length === 0) return failed(noneSynced(name, indexers.length));
        const findings: Finding[] = [];
        for (const indexer of synced.filter((i) => i.enableAutomaticSearch !== false || i.enableRss !== false)) {
          const test = await client.testIndexer(indexer, signal);
          if (test.ok) continue;
          findings.push({
            summary: `Indexer "${indexer.name ?? indexer.id}" fails its test in ${name}: ${test.failures.map((f) => f.errorMessage).join('; ')}`,
            diagnosis: `${name} could not query the indexer through Prowlarr.`,
            suggestion: `Open Prowlarr → Indexers and test "${indexer.name ?? ''}"; if Prowlarr passes, re-sync apps (System → Tasks → Application Indexer Sync).`,
          });
        }
        return findings.length > 0
          ? failed(...findings)
          : passed(`${synced.length} indexer(s) from Prowlarr, tests pass`);
      }),
  });
}
