import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShellSession, type ShellSession } from '../../src/bot/shell/run-shell.js';
import { silentLogger } from '../../src/log.js';
import { Transcript, uniquePrefix } from './core-harness.js';
import { RestartableRedis } from './restartable-redis.js';
import { wired } from './wired.js';

describe('the shell while Redis is stopped (real redis-server)', () => {
  let redis: RestartableRedis;
  let session: ShellSession;
  const input = new PassThrough();
  const out = new Transcript();

  beforeAll(async () => {
    redis = await RestartableRedis.create();
    await redis.start();
    session = await startShellSession({
      config: { people: [{ name: 'local', role: 'operator' as const }] },
      log: silentLogger(),
      processors: (stores) => wired(stores),
      input,
      output: out.stream,
      redisUrl: redis.url,
      prefix: uniquePrefix(),
    });
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await session.close();
    await redis.destroy();
  });

  it('answers "the job queue is unavailable" instead of hanging, and runs commands again once Redis is back', async () => {
    input.write('/ping\n');
    await out.waitFor('Done: /ping');
    await redis.stop();
    input.write('/ping delay:1\n');
    await out.waitFor('The job queue is unavailable right now, so nothing was run. Try again in a minute.');
    expect(out.count('Queued: /ping delay:1')).toBe(0);
    await redis.start();
    input.write('/ping delay:2\n');
    await out.waitFor('Done: /ping', 2, 60_000);
    expect(out.count('Done: /ping')).toBe(2);
  }, 120_000);
});
