import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { startMediaLab, type LabBreak } from '../../lab/emulators/media-lab/media-lab.js';
import { hasBinary, requireService } from '../../lab/index.js';
import { eventually, startTestRedis, uniquePrefix } from './core-harness.js';
import { E2eRuns, closeAll, e2eLabConfigInput, labFlavors, parseConfig } from './e2e-pipeline-harness.js';

const short = '2500ms';
const timeouts = {
  request: short,
  radarrMovie: short,
  grab: short,
  torrent: short,
  download: short,
  import: short,
  plex: short,
  available: short,
};

/** Each hop broken in turn: the hop's label in the report, what it saw, and the suggestion. */
const cases: readonly {
  readonly breakAt: LabBreak;
  readonly hop: string;
  readonly seen: RegExp;
  readonly suggestion: RegExp;
}[] = [
  {
    breakAt: 'request',
    hop: 'Overseerr request approved',
    seen: /Overseerr is unreachable/,
    suggestion: /Start Overseerr .*media\.overseerr\.url/,
  },
  {
    breakAt: 'radarrMovie',
    hop: 'Radarr has the movie',
    seen: /Radarr has no movie with tmdb 194/,
    suggestion: /Overseerr did not add the movie to Radarr/,
  },
  {
    breakAt: 'grab',
    hop: 'Radarr searched via Prowlarr and grabbed a release',
    seen: /no release grabbed yet/,
    suggestion: /no indexer with automatic search.*Prowlarr.*Radarr health: No indexers available/,
  },
  {
    breakAt: 'torrent',
    hop: 'qBittorrent has the torrent',
    seen: /category "tv-sonarr"/,
    suggestion: /category \(movieCategory\) to "radarr"/,
  },
  { breakAt: 'download', hop: 'download completed', seen: /stalledDL, 0 %/, suggestion: /No peers: check the VPN/ },
  {
    breakAt: 'import',
    hop: 'Radarr imported the file',
    seen: /importBlocked.*No files found are eligible for import/,
    suggestion: /Remote Path Mappings/,
  },
  {
    breakAt: 'plex',
    hop: 'Plex library contains it',
    seen: /not in "Movies" \(0 movies\)/,
    suggestion: /did not match the file/,
  },
  {
    breakAt: 'available',
    hop: 'Overseerr shows it available',
    seen: /media status PROCESSING/,
    suggestion: /Plex Recently Added Scan/,
  },
];

/** The expectations are written for Plex + Overseerr; the other stack shows its own names (and config keys). */
const named = (f: (typeof labFlavors)[number]) => (text: string) =>
  text
    .replace(/Overseerr/g, f.requests)
    .replace(/Plex/g, f.library)
    .replace(/overseerr/g, f.requests.toLowerCase());
const namedRe = (f: (typeof labFlavors)[number]) => (re: RegExp) => new RegExp(named(f)(re.source), re.flags);

describe.each(labFlavors)('/e2e reports a broken hop at that hop ($name)', (f) => {
  let redis: PrivateRedis;
  const dir = mkdtempSync(join(tmpdir(), 'hlb-e2e-hops-'));

  beforeAll(async () => {
    await requireService('qbittorrent-nox', () => hasBinary('qbittorrent-nox'));
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await closeAll(redis);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(
    cases.map((c) => ({ ...c, hop: named(f)(c.hop), seen: namedRe(f)(c.seen), suggestion: namedRe(f)(c.suggestion) })),
  )(
    '$breakAt broken → fails at "$hop"',
    async ({ breakAt, hop, seen, suggestion }) => {
      const lab = await startMediaLab({ stateDir: join(dir, f.flavor, breakAt), breakAt, flavor: f.flavor });
      const runs = new E2eRuns(redis.url, uniquePrefix(), join(dir, `${f.flavor}-${breakAt}.jsonl`));
      const worker = runs.worker(parseConfig(e2eLabConfigInput(lab, redis.url, { timeouts })));
      try {
        await runs.start(breakAt);
        await eventually(() => runs.finished(breakAt), `${breakAt} run finished`, 60_000);
        const posts = runs.calls(breakAt).filter((c) => c.op === 'post');
        const report = posts.at(-1)?.text ?? '';
        const stepList =
          runs
            .calls(breakAt)
            .filter((c) => c.op === 'edit' && c.messageId === posts[0]?.messageId)
            .at(-1)?.text ?? '';

        expect(posts).toHaveLength(2);
        expect(report).toContain(`failed at "${hop}"`);
        expect(report).toMatch(/Expected: \S/);
        expect(report.split('\n').find((l) => l.includes('Seen:'))).toMatch(seen);
        expect(report.split('\n').find((l) => l.includes('Suggestion:'))).toMatch(suggestion);
        const lines = stepList.split('\n').slice(1);
        const at = lines.findIndex((l) => l.includes(hop));
        expect(lines[at]).toMatch(/^❌/);
        expect(lines.slice(0, at).every((l) => l.startsWith('✅'))).toBe(true);
        expect(lines.slice(at + 1).every((l) => l.startsWith('⏭️'))).toBe(true);
        expect([
          ...lab.radarr.violations,
          ...lab.library.violations,
          ...lab.overseerr.violations,
          ...lab.glueErrors,
        ]).toEqual([]);
      } finally {
        await closeAll(worker, runs, lab);
      }
    },
    90_000,
  );

  it("a service that is down while its hop waits gets the health check's suggestion for that service", async () => {
    const lab = await startMediaLab({ stateDir: join(dir, f.flavor, 'radarr-down'), flavor: f.flavor });
    await lab.radarr.down();
    const runs = new E2eRuns(redis.url, uniquePrefix(), join(dir, `${f.flavor}-radarr-down.jsonl`));
    const worker = runs.worker(parseConfig(e2eLabConfigInput(lab, redis.url, { timeouts })));
    try {
      await runs.start('radarr-down');
      await eventually(() => runs.finished('radarr-down'), 'run finished', 60_000);
      const report =
        runs
          .calls('radarr-down')
          .filter((c) => c.op === 'post')
          .at(-1)?.text ?? '';
      expect(report).toContain('failed at "Radarr has the movie"');
      expect(report.split('\n').find((l) => l.includes('Suggestion:'))).toMatch(/Start Radarr .*media\.radarr\.url/);
      expect(report).not.toContain(lab.radarr.apiKey);
    } finally {
      await closeAll(worker, runs, lab);
    }
  }, 90_000);

  it("never adopts or cleans up somebody else's request for the test title", async () => {
    const lab = await startMediaLab({ stateDir: join(dir, f.flavor, 'taken'), flavor: f.flavor });
    const theirs = await fetch(`${lab.overseerr.url}/api/v1/request`, {
      method: 'POST',
      headers: { 'X-Api-Key': lab.overseerr.apiKey, 'X-Api-User': '3', 'Content-Type': 'application/json' },
      body: JSON.stringify({ mediaType: 'movie', mediaId: 194 }),
    });
    expect(theirs.status).toBe(201);
    const runs = new E2eRuns(redis.url, uniquePrefix(), join(dir, `${f.flavor}-taken.jsonl`));
    const worker = runs.worker(parseConfig(e2eLabConfigInput(lab, redis.url, { timeouts, cleanup: true })));
    try {
      await runs.start('taken');
      await eventually(() => runs.finished('taken'), 'run finished', 60_000);
      const report =
        runs
          .calls('taken')
          .filter((c) => c.op === 'post')
          .at(-1)?.text ?? '';
      expect(report).toContain(`failed at "${f.requests} request approved"`);
      expect(report).toMatch(/Seen: tmdb 194 is already requested \(request #\d+\)/);
      expect(lab.overseerr.requests.map((r) => r.requestedBy)).toEqual([3]);
      expect(lab.overseerr.log.filter((c) => c.method === 'DELETE')).toHaveLength(0);
      expect(lab.overseerr.log.filter((c) => c.method === 'POST' && c.apiUser === undefined)).toHaveLength(0);
    } finally {
      await closeAll(worker, runs, lab);
    }
  }, 90_000);
});
