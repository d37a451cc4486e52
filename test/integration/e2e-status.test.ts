import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/bot/dispatch.js';
import { ShellChat } from '../../src/bot/shell/shell-chat.js';
import { bindJobs, jobSpecs, registry } from '../../src/commands/registry.js';
import { wired } from './wired.js';
import { createProducer } from '../../src/jobs/queue.js';
import { startWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores } from '../../src/store/stores.js';
import { startTestRedis, Transcript, uniquePrefix } from './core-harness.js';

const log = silentLogger();

describe('/status through dispatcher, queue and worker', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('reports the real queue depth, the version and the recent runs (its own run left out)', async () => {
    const prefix = uniquePrefix();
    const out = new Transcript();
    const input = new PassThrough();
    const stores = createStores({ redisUrl: redis.url, prefix });
    const producer = createProducer({ redisUrl: redis.url, prefix: `${prefix}bull`, jobs: jobSpecs });
    const chat = new ShellChat({ input, output: out.stream });
    const access = { people: [{ name: 'local', role: 'operator' as const }] };
    await chat.start(
      createDispatcher({ registry, chats: { shell: chat }, access, ...stores, producer, log, clock: () => new Date() }),
    );
    // Queue first, worker later: with 3 slots it takes ping 2, ping 3 and /status; ping 4 waits.
    for (const line of ['/ping delay:2', '/ping delay:3', '/status', '/ping delay:4']) {
      input.write(`${line}\n`);
      await out.waitFor(`Queued: ${line}`);
    }
    const worker = startWorker({
      redisUrl: redis.url,
      prefix: `${prefix}bull`,
      jobs: bindJobs(wired(stores)),
      chats: { shell: chat },
      ...stores,
      log,
      // /ping and /status are quick work: the quick lane's slots are the ones that count here.
      quickConcurrency: 3,
      version: '9.8.7',
    });
    await out.waitFor('Bot status');
    await worker.close();
    input.end();
    await chat.stop();
    await producer.close();
    await stores.close();

    expect(out.text).toContain('homelab-bot 9.8.7, worker up');
    expect(out.text).toContain('**Queue:** waiting 1 · active 3 · delayed 0 · failed 0');
    expect(out.text).toContain('**Health:** not run yet');
    expect(out.count(/\/ping {2}(queued|running) {2}by local \(shell\)/)).toBe(3);
  });
});
