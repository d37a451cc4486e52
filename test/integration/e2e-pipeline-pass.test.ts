import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorker } from '../../src/jobs/worker.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { startMediaLab, type MediaLab } from '../../lab/emulators/media-lab/media-lab.js';
import { requireService, hasBinary } from '../../lab/index.js';
import { eventually, startTestRedis, uniquePrefix } from './core-harness.js';
import { E2eRuns, closeAll, e2eLabConfigInput, labFlavors, parseConfig } from './e2e-pipeline-harness.js';

describe.each(labFlavors)('/e2e against the media lab (emulated $name and Radarr, real qBittorrent)', (f) => {
  let redis: PrivateRedis;
  let lab: MediaLab;
  let runs: E2eRuns;
  let worker: RunningWorker;
  const dir = mkdtempSync(join(tmpdir(), 'hlb-e2e-pass-'));

  beforeAll(async () => {
    await requireService('qbittorrent-nox', () => hasBinary('qbittorrent-nox'));
    redis = await startTestRedis();
    lab = await startMediaLab({ stateDir: dir, flavor: f.flavor });
    runs = new E2eRuns(redis.url, uniquePrefix(), join(dir, 'calls.jsonl'));
    worker = runs.worker(parseConfig(e2eLabConfigInput(lab, redis.url, { cleanup: true })));
  }, 60_000);
  afterAll(async () => {
    await closeAll(worker, runs, lab, redis);
    rmSync(dir, { recursive: true, force: true });
  });

  it('dry-run reports every hop ready and requests nothing', async () => {
    await runs.start('dry', true);
    const run = await eventually(() => runs.finished('dry'), 'dry-run finished');
    const report =
      runs
        .calls('dry')
        .filter((c) => c.op === 'post')
        .at(-1)?.text ?? '';
    expect(run.status).toBe('succeeded');
    expect(report).toContain('every hop is ready');
    expect(report).toContain('EmuTracker (Prowlarr)');
    expect(report).not.toContain('❌');
    expect(lab.overseerr.requests).toHaveLength(0);
  });

  it('passes end to end: one live step list, a real torrent completes, the file lands in the root folder, then cleanup', async () => {
    await runs.start('pass');
    const run = await eventually(() => runs.finished('pass'), 'e2e finished', 60_000);
    const calls = runs.calls('pass');
    const posts = calls.filter((c) => c.op === 'post');
    const stepList = posts[0];
    const lastEdit = calls.filter((c) => c.op === 'edit' && c.messageId === stepList?.messageId).at(-1)?.text ?? '';

    expect(run.status).toBe('succeeded');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.text).toContain('/e2e passed');
    expect(lastEdit).toContain('✅ passed');
    expect(lastEdit.match(/✅/g)).toHaveLength(9);
    expect(lastEdit).toMatch(/✅ qBittorrent has the torrent — .*category radarr/);
    expect(lastEdit).toContain(`✅ Radarr imported the file — `);
    expect(lastEdit).toContain(lab.rootFolder);
    // The imported file really was on disk (the emulated import copied qBittorrent's completed data)…
    expect(lastEdit).toContain(`✅ ${f.library} library contains it — `);
    expect(lab.library.movies().map((i) => i.tmdbId)).toEqual(['194']);
    const imported = lab.library.movies()[0]?.file ?? '';
    expect(imported.startsWith(`${lab.rootFolder}/`)).toBe(true);
    // …and cleanup removed the torrent (with its data), the Radarr movie and reported the rest.
    expect(posts[1]?.text).toContain('removed the torrent');
    expect(posts[1]?.text).toContain('removed Radarr movie');
    expect(lab.radarr.movies).toHaveLength(0);
    await eventually(
      () => Promise.resolve(existsSync(`${lab.categoryPath}/Amelie.2001.1080p.BluRay.x264-EMU.mkv`) ? undefined : true),
      'torrent data deleted',
    );
    expect(lab.overseerr.log.filter((c) => c.method === 'POST' && c.rawUrl.endsWith('/request'))).toHaveLength(1);
    expect(posts[1]?.text).toContain(`removed ${f.requests} request`);
    expect(lab.overseerr.requests).toHaveLength(0);
    expect(existsSync(imported)).toBe(true);
    const secrets = [lab.overseerr.apiKey, lab.radarr.apiKey, lab.library.secret, lab.qbittorrent.password];
    expect(runs.calls('pass').filter((c) => secrets.some((x) => c.text?.includes(x) === true))).toEqual([]);
    expect([
      ...lab.radarr.violations,
      ...lab.library.violations,
      ...lab.overseerr.violations,
      ...lab.glueErrors,
    ]).toEqual([]);
  });
});
