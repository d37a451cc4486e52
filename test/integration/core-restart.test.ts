import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Responder } from '../../src/bot/inbound.js';
import { createDispatcher } from '../../src/bot/dispatch.js';
import { startShellSession } from '../../src/bot/shell/run-shell.js';
import { ShellChat } from '../../src/bot/shell/shell-chat.js';
import { bindJobs, jobSpecs, registry } from '../../src/commands/registry.js';
import { wired } from './wired.js';
import { createProducer } from '../../src/jobs/queue.js';
import { startWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores } from '../../src/store/stores.js';
import { runSucceeded, startTestRedis, Transcript, uniquePrefix } from './core-harness.js';

const access = { people: [{ name: 'local', role: 'operator' as const }] };
const log = silentLogger();

/** The "bot" side only: shell chat, dispatcher and producer, no worker. */
function startBot(redisUrl: string, prefix: string, out: Transcript) {
  const input = new PassThrough();
  const stores = createStores({ redisUrl, prefix });
  const producer = createProducer({ redisUrl, prefix: `${prefix}bull`, jobs: jobSpecs });
  const chat = new ShellChat({ input, output: out.stream });
  const handler = createDispatcher({
    registry,
    chats: { shell: chat },
    access,
    ...stores,
    producer,
    log,
    clock: () => new Date(),
  });
  return {
    chat,
    input,
    stores,
    handler,
    start: () => chat.start(handler),
    stop: async () => {
      input.end();
      await chat.stop();
      await producer.close();
      await stores.close();
    },
  };
}

describe('run records survive a bot restart', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('a job finishing after the bot stopped lands in the original thread, and a restarted bot continues there', async () => {
    const prefix = uniquePrefix();
    const outA = new Transcript();
    const botA = startBot(redis.url, prefix, outA);
    await botA.start();
    botA.input.write('/ping delay:1\n');
    await outA.waitFor('[thread #1] ── /ping by local ──');
    const runId = /run (r-[\w-]+)/.exec(outA.text)?.[1] ?? '';
    await botA.stop();

    const outW = new Transcript();
    const workerChat = new ShellChat({ input: new PassThrough(), output: outW.stream });
    const stores = createStores({ redisUrl: redis.url, prefix });
    const worker = startWorker({
      redisUrl: redis.url,
      prefix: `${prefix}bull`,
      jobs: bindJobs(wired(stores)),
      chats: { shell: workerChat },
      ...stores,
      log,
    });
    await outW.waitFor('[thread #1] ✅ **Pong**');
    await outW.waitFor('[#shell] (edit m1) ✅ Done: /ping');
    const run = await runSucceeded(stores.runStore, runId);
    expect(run.threadId).toBe('1');
    expect(run.resultMessage?.threadId).toBe('1');
    const button = workerChat.buttonAt(1);
    await worker.close();
    await stores.close();

    const outB = new Transcript();
    const input = new PassThrough();
    const botB = await startShellSession({
      config: access,
      log,
      input,
      output: outB.stream,
      redisUrl: redis.url,
      prefix,
      processors: (s) => wired(s),
    });
    input.write(`click ${button ?? 'missing'}\n`);
    await outB.waitFor('[thread #1] 👆 local clicked Acknowledge');
    await outB.waitFor('[thread #1] ✅ **Acknowledged by local**');
    await botB.close();
  });

  it('runs a double-submitted invocation once', async () => {
    const prefix = uniquePrefix();
    const out = new Transcript();
    const bot = startBot(redis.url, prefix, out);
    const worker = startWorker({
      redisUrl: redis.url,
      prefix: `${prefix}bull`,
      jobs: bindJobs(wired(bot.stores)),
      chats: { shell: bot.chat },
      ...bot.stores,
      log,
    });
    const privately: string[] = [];
    const responder: Responder = {
      replyPrivately: (text) => {
        privately.push(text);
        return Promise.resolve();
      },
      replyPublicly: (message) => bot.chat.post({ platform: 'shell', channelId: 'shell', threadId: 'root' }, message),
    };
    const command = {
      platform: 'shell' as const,
      user: { platform: 'shell' as const, id: 'local', roleIds: [] },
      command: 'ping',
      options: {},
      text: '',
      channelId: 'shell',
      invocationId: 'same-id',
    };
    await Promise.all([bot.handler.onCommand(command, responder), bot.handler.onCommand(command, responder)]);
    await out.waitFor('✅ **Pong**');
    await out.waitFor('✅ Done: /ping');
    expect(out.count('⏳ Queued: /ping')).toBe(1);
    expect(out.count('✅ **Pong**')).toBe(1);
    expect(privately).toEqual([expect.stringMatching(/^Already received \(run r-/)]);
    await worker.close();
    await bot.stop();
  });
});
