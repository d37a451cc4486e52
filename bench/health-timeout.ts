/**
 * /health with hung services: every check runs in parallel under its own time limit, so a run
 * with one (or several) services that accept connections and never answer takes about ONE
 * per-check timeout, not one per hung service or per call.
 *
 *   npx tsx bench/health-timeout.ts [timeoutMs=1000] [rounds=3]
 *
 * Services: Overseerr emulator (healthy) plus Radarr, Sonarr, Prowlarr and Plex each a TCP server
 * that never answers. Prints, per round, the elapsed time and the ratio elapsed / timeout for 1 hung
 * service and for 4; the ideal is ≈ 0.8–1.0 (HTTP calls get 80 % of the check budget). No assertions.
 */
import { runHealth } from '../src/checks/run-health.js';
import { mediaSchema } from '../src/config/media-schema.js';
import { silentLogger } from '../src/log.js';
import { startOverseerrEmulator } from '../lab/emulators/overseerr/overseerr-emulator.js';
import { startHangingServer } from '../test/integration/checks-faults.js';

const timeoutMs = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 3);
const log = silentLogger();

const overseerr = await startOverseerrEmulator();
const hung = await Promise.all([1, 2, 3, 4].map(() => startHangingServer()));
const healthy = { overseerr: { url: overseerr.url, apiKey: overseerr.apiKey }, health: { timeout: `${timeoutMs}ms` } };
const configs = {
  'one hung (Radarr)': mediaSchema.parse({ ...healthy, radarr: { url: hung[0]!.url, apiKey: 'k' } }),
  'four hung': mediaSchema.parse({
    ...healthy,
    radarr: { url: hung[0]!.url, apiKey: 'k' },
    sonarr: { url: hung[1]!.url, apiKey: 'k' },
    prowlarr: { url: hung[2]!.url, apiKey: 'k' },
    plex: { url: hung[3]!.url, token: 't' },
  }),
};

try {
  for (let round = 1; round <= rounds; round += 1) {
    for (const [label, media] of Object.entries(configs)) {
      const started = performance.now();
      const run = await runHealth({ media, timeoutMs, log });
      const elapsed = performance.now() - started;
      const failing = run.outcomes.filter((o) => o.status === 'fail' || o.status === 'error').length;
      console.log(
        `round ${round}  ${label.padEnd(18)} checks ${String(run.outcomes.length).padStart(2)}  failing ${String(failing).padStart(2)}  elapsed ${elapsed.toFixed(0).padStart(5)} ms  ratio ${(elapsed / timeoutMs).toFixed(2)} (one after the other: ≥ ${failing}×)`,
      );
    }
  }
} finally {
  for (const h of hung) h.close();
  await overseerr.close();
}
