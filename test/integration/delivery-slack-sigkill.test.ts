import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchStep } from '../../src/bot/dispatch-deps.js';
import { freePort, type PrivateRedis } from '../../src/store/private-redis.js';
import { createStores } from '../../src/store/stores.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import { exited, pausedAt, spawnReadyChild } from './child-process.js';
import { runSucceeded, startTestRedis, uniquePrefix } from './core-harness.js';
import { startSlackBot, startSlackWorker, type SlackStackOptions } from './slack-stack.js';

const childScript = fileURLToPath(new URL('./delivery-bot-child.ts', import.meta.url));
const secrets = { botToken: 'xoxb-sigkill-test', signingSecret: 'sigkill-signing-secret' };
const channel = 'C0CHAN001';
const alice = 'U0ALICE01';
/** Not in the people table: every command of hers is refused. */
const mallory = 'U0MALLORY';
const access = { people: [{ name: 'alice', role: 'operator' as const, slackId: alice }] };

describe('Slack bot SIGKILLed after the ack (Bolt HTTP receiver in a child process, fake Slack, redis, worker)', () => {
  let redis: PrivateRedis;
  let fake: SlackEmulator;

  beforeAll(async () => {
    redis = await startTestRedis();
    fake = await startSlackEmulator({ ...secrets, users: { [alice]: 'alice', [mallory]: 'mallory' } });
  });
  afterAll(async () => {
    await fake.close();
    await redis.stop();
  });

  /** A bot in a child process takes `/ping` from `user`, acks it and is SIGKILLed at `step`. */
  async function killedAt(prefix: string, step: DispatchStep, user: string): Promise<string> {
    const port = await freePort();
    const child = await spawnReadyChild(childScript, {
      PLATFORM: 'slack',
      REDIS_URL: redis.url,
      PREFIX: prefix,
      SLACK_API_URL: fake.apiUrl,
      BOT_TOKEN: secrets.botToken,
      SIGNING_SECRET: secrets.signingSecret,
      PORT: String(port),
      OPERATOR_ID: alice,
      PAUSE_AT: step,
    });
    fake.setBotUrl(`http://127.0.0.1:${String(port)}/slack/events`);
    const paused = pausedAt(child);
    const ack = await fake.slash(user, '/ping', '');
    expect(ack.status).toBe(200);
    const runId = await paused;
    child.kill('SIGKILL');
    await exited(child);
    return runId;
  }

  it('tells the invoker of a recovered command that is refused privately through its response_url, not the channel', async () => {
    const prefix = uniquePrefix();
    await killedAt(prefix, 'acked', mallory);
    const stores = createStores({ redisUrl: redis.url, prefix });
    // The intent holds the response_url only sealed.
    const [intent] = await stores.intentStore.unsettled(new Date(Date.now() + 60_000), 10);
    expect(intent?.answer?.pending).toBe(false);
    expect(JSON.stringify(intent)).not.toContain('/response/');
    const channelBefore = fake.messagesIn(channel).length;
    const o: SlackStackOptions = { fake, ...secrets, redisUrl: redis.url, prefix, access };
    const bot = await startSlackBot(o);
    try {
      const refusal = await fake.waitFor(
        () => fake.ephemeralsFor(mallory).find((m) => m.text.includes("I don't know you yet")),
        20_000,
        'the refusal, ephemeral to the invoker',
      );
      expect(refusal.channel).toBe(channel);
      expect(refusal.text).toContain(`(${mallory})`);
      expect(fake.messagesIn(channel)).toHaveLength(channelBefore);
      expect(await stores.runStore.listRecent(10)).toEqual([]);
      expect(await stores.intentStore.unsettled(new Date(Date.now() + 60_000), 10)).toEqual([]);
    } finally {
      await bot.stop();
      await stores.close();
    }
  });

  it('answers the refused invoker in the channel, visible only to them, once the response_url no longer works', async () => {
    const prefix = uniquePrefix();
    await killedAt(prefix, 'acked', mallory);
    const stores = createStores({ redisUrl: redis.url, prefix });
    const channelBefore = fake.messagesIn(channel).length;
    const ephemeralBefore = fake.ephemeralsFor(mallory).length;
    // As after Slack's 30 minutes or 5 uses: every response_url answers 404.
    fake.setResponseUrlsExpired(true);
    const o: SlackStackOptions = { fake, ...secrets, redisUrl: redis.url, prefix, access };
    const bot = await startSlackBot(o);
    try {
      const refusal = await fake.waitFor(
        () =>
          fake
            .ephemeralsFor(mallory)
            .slice(ephemeralBefore)
            .find((m) => m.text.includes("I don't know you yet")),
        20_000,
        'the refusal, by chat.postEphemeral',
      );
      expect(refusal.channel).toBe(channel);
      expect(fake.messagesIn(channel)).toHaveLength(channelBefore);
      expect(await stores.runStore.listRecent(10)).toEqual([]);
      expect(await stores.intentStore.unsettled(new Date(Date.now() + 60_000), 10)).toEqual([]);
    } finally {
      fake.setResponseUrlsExpired(false);
      await bot.stop();
      await stores.close();
    }
  });

  it('runs a recovered command once, its line in the channel, without a private "Queued" (Slack shows nothing pending)', async () => {
    const prefix = uniquePrefix();
    const runId = await killedAt(prefix, 'acked', alice);
    const o: SlackStackOptions = { fake, ...secrets, redisUrl: redis.url, prefix, access };
    const worker = startSlackWorker(o);
    const bot = await startSlackBot(o);
    const stores = createStores({ redisUrl: redis.url, prefix });
    try {
      const run = await runSucceeded(stores.runStore, runId);
      const root = await fake.waitFor(
        () => fake.messagesIn(channel).find((m) => m.ts === run.rootMessageId && m.text.includes('Done')),
        10_000,
        'the final line',
      );
      expect(root.text).toContain('Done: /ping');
      expect(fake.messagesIn(channel, run.threadId).filter((m) => m.text.includes('Pong'))).toHaveLength(1);
      expect((await stores.runStore.listRecent(10)).map((r) => r.runId)).toEqual([runId]);
      expect(fake.ephemeralsFor(alice).filter((m) => m.text.includes(runId))).toEqual([]);
      expect(await stores.intentStore.unsettled(new Date(Date.now() + 60_000), 10)).toEqual([]);
    } finally {
      await bot.stop();
      await worker.stop();
      await stores.close();
    }
  });
});
