import { ServiceCallError } from '../media/network-failure.js';
import type { ProwlarrClient } from '../media/prowlarr-client.js';
import { defineCheck, failed, passed, skipped, type Check } from './check.js';
import { guarded } from './guarded.js';

/** `prowlarr.search`: a search for `media.health.testQuery` through Prowlarr returns releases. */
export function prowlarrSearchCheck(client: ProwlarrClient, testQuery: string | undefined): Check {
  return defineCheck({
    id: 'prowlarr.search',
    service: 'prowlarr',
    title: 'Prowlarr finds releases for the test search',
    run: (_ctx, signal) => {
      if (testQuery === undefined)
        return Promise.resolve(
          skipped('not checked: set media.health.testQuery to a search that should find releases'),
        );
      return guarded(async () => {
        try {
          const releases = await client.search({ query: testQuery, type: 'search', limit: 20 }, signal);
          if (releases.length > 0) return passed(`${releases.length} release(s) for "${testQuery}"`);
          return failed({
            summary: `Prowlarr found no releases for "${testQuery}".`,
            diagnosis:
              'Its indexers answer but return nothing: they may be disabled, failing (Cloudflare, expired login) or not cover this kind of search.',
            suggestion:
              "Prowlarr → Indexers: test each one, re-enable or fix failing ones; try the same search in Prowlarr's Search page.",
          });
        } catch (error) {
          if (!(error instanceof ServiceCallError) || error.failure !== 'http-error') throw error;
          return failed({
            summary: `Prowlarr's test search for "${testQuery}" failed: ${error.message}`,
            diagnosis: "An indexer errored during the search (Prowlarr answers 400 with the indexer's message).",
            suggestion:
              "Prowlarr → System → Status and the indexer's history show which one; test it in Prowlarr → Indexers and fix or disable it.",
          });
        }
      });
    },
  });
}
