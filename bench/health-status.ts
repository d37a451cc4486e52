/**
 * /status answers from cache plus quick pings: with four services hung (accepting connections and
 * never answering) it must still answer in under 2 s. Runs the real `/status` processor for a config
 * (pings, cached health run, recent runs) with a minimal in-memory system view, `rounds` times, and
 * prints each elapsed time and the share of the 2 s budget used. No assertions.
 *
 *   npx tsx bench/health-status.ts [rounds=3]
 */
import type { HealthRun } from '../src/checks/run-checks.js';
import { mediaSchema } from '../src/config/media-schema.js';
import { statusProcessors } from '../src/commands/status/status-processors.js';
import type { ProcessorContext } from '../src/jobs/processor.js';
import { silentLogger } from '../src/log.js';
import type { RunRecord } from '../src/store/run-store.js';
import { startOverseerrEmulator } from '../lab/emulators/overseerr/overseerr-emulator.js';
import { startHangingServer } from '../test/integration/checks-faults.js';

const rounds = Number(process.argv[2] ?? 3);
const log = silentLogger();
const overseerr = await startOverseerrEmulator();
const hung = await Promise.all([1, 2, 3, 4].map(() => startHangingServer()));
const media = mediaSchema.parse({
  overseerr: { url: overseerr.url, apiKey: overseerr.apiKey },
  radarr: { url: hung[0]!.url, apiKey: 'k' },
  sonarr: { url: hung[1]!.url, apiKey: 'k' },
  prowlarr: { url: hung[2]!.url, apiKey: 'k' },
  plex: { url: hung[3]!.url, token: 't' },
});
const now = new Date().toISOString();
const cached: HealthRun = { startedAt: now, finishedAt: now, timeoutMs: 1000, outcomes: [] };
const run: RunRecord = {
  runId: 'bench',
  jobId: 'bench',
  platform: 'shell',
  channelId: 'c',
  threadId: 't',
  rootMessageId: 'm',
  requester: { platform: 'shell', id: 'local' },
  command: '/status',
  status: 'running',
  createdAt: now,
  updatedAt: now,
};
const context: ProcessorContext = {
  log,
  run,
  attempt: 1,
  createButton: () => Promise.reject(new Error('no buttons in /status')),
  progress: () => Promise.resolve(),
  system: {
    version: 'bench',
    startedAt: new Date(),
    uptimeMs: () => 1000,
    queueCounts: () => Promise.resolve({ waiting: 0, active: 1, delayed: 0, failed: 0, completed: 0 }),
    recentRuns: () => Promise.resolve([]),
    health: { save: () => Promise.resolve(), last: () => Promise.resolve(cached) },
  },
};
const status = statusProcessors({ media, apps: undefined })['system.status'];

try {
  for (let round = 1; round <= rounds; round += 1) {
    const started = performance.now();
    const report = await status(
      { runId: 'bench', requester: { platform: 'shell', id: 'local' }, options: {} },
      context,
    );
    const elapsed = performance.now() - started;
    const services = report.fields?.find((f) => f.name === 'Services')?.value ?? '';
    console.log(
      `round ${round}  /status with 4 hung services: ${elapsed.toFixed(0).padStart(5)} ms  (${((elapsed / 2000) * 100).toFixed(0)} % of the 2 s budget)  ${services}`,
    );
  }
} finally {
  for (const h of hung) h.close();
  await overseerr.close();
}
