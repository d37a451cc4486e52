import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAnnounced } from '../../src/jobs/ensure-announced.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores, type Stores } from '../../src/store/stores.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { startSlackBot, startSlackWorker, type SlackStackOptions } from './slack-stack.js';

const secrets = { botToken: 'xoxb-delivery-test', signingSecret: 'delivery-signing-secret' };
const channel = 'C0CHAN001';
const elsewhere = 'C0OTHER01';
const alice = 'U0ALICE01';

const slashBody = (trigger: string, text = '', where = channel): string =>
  new URLSearchParams({
    command: '/ping',
    text,
    user_id: alice,
    user_name: 'alice',
    channel_id: where,
    team_id: 'T0FAKE001',
    trigger_id: trigger,
    response_url: 'http://127.0.0.1:9/none',
    api_app_id: 'A0APP0001',
    token: 'legacy',
  }).toString();

describe('Slack delivery: replay window, replays and retries, places (Bolt HTTP receiver, fake Slack, redis)', () => {
  let redis: PrivateRedis;
  let fake: SlackEmulator;
  let bot: Awaited<ReturnType<typeof startSlackBot>>;
  let worker: ReturnType<typeof startSlackWorker>;
  let stores: Stores;

  beforeAll(async () => {
    redis = await startTestRedis();
    fake = await startSlackEmulator({ ...secrets, users: { [alice]: 'alice' } });
    const o: SlackStackOptions = {
      fake,
      ...secrets,
      redisUrl: redis.url,
      prefix: uniquePrefix(),
      access: { people: [{ name: 'alice', role: 'operator', slackId: alice }] },
      places: { slack: { workspaceId: 'T0FAKE001', channelIds: [channel] } },
    };
    bot = await startSlackBot(o);
    worker = startSlackWorker(o);
    stores = createStores({ redisUrl: redis.url, prefix: o.prefix });
  });
  afterAll(async () => {
    await bot.stop();
    await worker.stop();
    await stores.close();
    await fake.close();
    await redis.stop();
  });

  const runs = async (): Promise<number> => (await stores.runStore.listRecent(100)).length;
  const now = (): number => Math.floor(Date.now() / 1000);

  it.each([
    ['10 minutes in the future', 600],
    ['10 minutes in the past', -600],
  ])('refuses a correctly signed request dated %s with 401 and runs nothing', async (_what, offset) => {
    const before = await runs();
    const res = await fake.sendSigned(slashBody(`trig-skew${String(offset)}`), { timestamp: now() + offset });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await runs()).toBe(before);
  });

  it('accepts a request dated 4 minutes in the future (inside the window) and runs it', async () => {
    const before = await runs();
    const res = await fake.sendSigned(slashBody('trig-near-future'), { timestamp: now() + 240 });
    expect(res.status).toBe(200);
    const after = await waitForRuns(before + 1);
    expect(after).toBe(before + 1);
  });

  it('runs an identical signed request replayed inside the window once, and acks the replay', async () => {
    const before = await runs();
    // Other options than the earlier /ping, so the content dedupe (same command while one runs) stays out of it.
    const body = slashBody('trig-replayed', 'delay:0');
    const ts = now();
    const first = await fake.sendSigned(body, { timestamp: ts });
    const replay = await fake.sendSigned(body, { timestamp: ts });
    const resigned = await fake.sendSigned(body, { timestamp: ts + 1 });
    expect([first.status, replay.status, resigned.status]).toEqual([200, 200, 200]);
    await waitForRuns(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await runs()).toBe(before + 1);
  });

  it("acknowledges Slack's own retries (X-Slack-Retry-Num) without running again", async () => {
    const before = await runs();
    const res = await fake.sendSigned(slashBody('trig-retried'), { timestamp: now(), retryNum: 1 });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await runs()).toBe(before);
  });

  it('refuses a command from a channel that is not configured, privately, and runs nothing', async () => {
    const before = await runs();
    const res = await fake.sendSigned(slashBody('trig-elsewhere', '', elsewhere), { timestamp: now() });
    expect(res.status).toBe(200);
    const reply = await fake.waitFor(
      () => fake.ephemeralsFor(alice).find((m) => m.text.includes("don't take commands here")),
      10_000,
      'refusal',
    );
    expect(reply.ephemeralTo).toBe(alice);
    expect(fake.messagesIn(elsewhere).filter((m) => m.ephemeralTo === undefined)).toEqual([]);
    expect(await runs()).toBe(before);
  });

  it('posts the Queued line once when the side posting it died mid-post (found by its metadata)', async () => {
    const runId = 'r-slack-midpost';
    const at = new Date().toISOString();
    const text = `⏳ Queued: /ping · run ${runId}`;
    await stores.runStore.create({
      runId,
      jobId: runId,
      platform: 'slack',
      channelId: channel,
      threadId: '',
      rootMessageId: '',
      requester: { platform: 'slack', id: alice, name: 'alice' },
      command: '/ping',
      status: 'queued',
      createdAt: at,
      updatedAt: at,
      announce: { text, title: '/ping by alice' },
    });
    // What a bot killed mid-post leaves: the lease (short here), the attempt mark, the line
    // posted by Slack, and no refs in the record.
    expect(await stores.runStore.leaseAnnouncement(runId, 1)).toBe(true);
    await stores.runStore.update(runId, { announce: { text, title: '/ping by alice', attempted: true } });
    const first = await bot.adapter.openThread(channel, '/ping by alice', { text }, runId);

    const run = await ensureAnnounced(bot.adapter, stores.runStore, runId, silentLogger());
    const lines = fake.messagesIn(channel).filter((m) => m.text.includes(runId));
    expect(lines.map((m) => m.ts)).toEqual([first.root.messageId]);
    expect(run.rootMessageId).toBe(first.root.messageId);
    expect(run.threadId).toBe(first.thread.threadId);
    expect(run.announce).toBeUndefined();
  });

  async function waitForRuns(n: number): Promise<number> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const count = await runs();
      if (count >= n || Date.now() > deadline) return count;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});
