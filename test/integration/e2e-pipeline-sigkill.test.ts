import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { startMediaLab, type MediaLab } from '../../lab/emulators/media-lab/media-lab.js';
import { hasBinary, requireService } from '../../lab/index.js';
import { exited, spawnReadyChild } from './child-process.js';
import { eventually, startTestRedis, uniquePrefix } from './core-harness.js';
import { E2eRuns, closeAll, e2eLabConfigInput } from './e2e-pipeline-harness.js';

const childScript = fileURLToPath(new URL('./e2e-pipeline-worker.ts', import.meta.url));

const spawnWorker = (env: Record<string, string>): Promise<ChildProcess> => spawnReadyChild(childScript, env);

describe('/e2e survives a worker killed with SIGKILL while it waits', () => {
  let redis: PrivateRedis;
  let lab: MediaLab;
  let runs: E2eRuns;
  const dir = mkdtempSync(join(tmpdir(), 'hlb-e2e-kill-'));

  beforeAll(async () => {
    await requireService('qbittorrent-nox', () => hasBinary('qbittorrent-nox'));
    redis = await startTestRedis();
    lab = await startMediaLab({ stateDir: dir });
  }, 60_000);
  afterAll(async () => {
    await closeAll(runs, lab, redis);
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes polling in a new worker process, finishes once, and never holds the only worker slot while waiting', async () => {
    lab.holdImport = true;
    const prefix = uniquePrefix();
    const recordFile = join(dir, 'calls.jsonl');
    runs = new E2eRuns(redis.url, prefix, recordFile);
    const config = e2eLabConfigInput(lab, redis.url, { pollInterval: '300ms', timeouts: { import: '5m' } });
    const env = { REDIS_URL: redis.url, PREFIX: prefix, RECORD_FILE: recordFile, CONFIG_JSON: JSON.stringify(config) };
    const waitingAtImport = () =>
      Promise.resolve(
        runs.calls('kill').some((c) => c.op === 'edit' && c.text?.includes('🔄 Radarr imported the file') === true)
          ? true
          : undefined,
      );

    const first = await spawnWorker(env);
    await runs.start('kill');
    await eventually(waitingAtImport, 'first worker waiting at the import hop');
    first.kill('SIGKILL');
    await exited(first);
    expect((await runs.stores.runStore.get('kill'))?.status).toBe('running');

    const second = await spawnWorker(env);
    const editsBefore = runs.calls('kill').filter((c) => c.op === 'edit').length;
    await eventually(
      () =>
        Promise.resolve(
          runs.calls('kill').filter((c) => c.op === 'edit' && c.pid === second.pid).length > 2 ? true : undefined,
        ),
      'second worker polling',
    );
    // Concurrency 1: a /ping only gets through if the waiting /e2e is parked, not holding the slot.
    await runs.ping('ping-meanwhile');
    await eventually(() => runs.finished('ping-meanwhile'), '/ping answered while /e2e waits');
    expect(await runs.finished('kill')).toBeUndefined();

    lab.holdImport = false;
    const run = await eventually(() => runs.finished('kill'), '/e2e finished', 60_000);
    const calls = runs.calls('kill');
    const posts = calls.filter((c) => c.op === 'post');
    expect(run.status).toBe('succeeded');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.pid).toBe(first.pid);
    expect(posts[1]?.pid).toBe(second.pid);
    expect(posts[1]?.text).toContain('/e2e passed');
    // The second worker kept editing the step list the first one posted.
    const lastEdit = calls.filter((c) => c.op === 'edit' && c.messageId === posts[0]?.messageId).at(-1);
    expect(lastEdit?.pid).toBe(second.pid);
    expect(lastEdit?.text).toContain('✅ passed');
    expect(calls.filter((c) => c.op === 'edit').length).toBeGreaterThan(editsBefore);
    expect(lab.overseerr.log.filter((c) => c.method === 'POST' && c.rawUrl.endsWith('/request'))).toHaveLength(1);
    expect(lab.radarr.movies.filter((m) => m.movieFile !== undefined)).toHaveLength(1);

    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  }, 120_000);
});
