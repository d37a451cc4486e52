import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import type { FakeMessage } from '../../lab/emulators/slack/slack-store.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { startSlackBot, startSlackWorker, type SlackStackOptions } from './slack-stack.js';

const secrets = { botToken: 'xoxb-e2e-token', signingSecret: 'e2e-signing-secret' };
const channel = 'C0CHAN001';
const alice = 'U0ALICE01';
const kid = 'U0KID0001';
const access = {
  people: [
    { name: 'alice', role: 'operator' as const, slackId: alice },
    { name: 'kid', role: 'family' as const, slackId: kid },
  ],
};

type Actions = { type: string; elements: { action_id: string }[] };
const actionsOf = (m: FakeMessage | undefined): Actions | undefined =>
  m?.blocks.find((b) => (b as Actions).type === 'actions') as Actions | undefined;
const buttonId = (m: FakeMessage): string => actionsOf(m)?.elements[0]?.action_id ?? '';

describe('Slack end to end: real Bolt, fake Slack, dispatcher, BullMQ worker, private redis', () => {
  let redis: PrivateRedis;
  let fake: SlackEmulator;
  let opts: SlackStackOptions;
  let bot: Awaited<ReturnType<typeof startSlackBot>>;
  let worker: ReturnType<typeof startSlackWorker>;
  let thread = '';
  let result: FakeMessage;

  beforeAll(async () => {
    redis = await startTestRedis();
    fake = await startSlackEmulator({ ...secrets, users: { [alice]: 'alice', [kid]: 'kid' } });
    opts = { fake, ...secrets, redisUrl: redis.url, prefix: uniquePrefix(), access };
    bot = await startSlackBot(opts);
    worker = startSlackWorker(opts);
  });
  afterAll(async () => {
    await bot.stop();
    await worker.stop();
    await fake.close();
    await redis.stop();
  });

  // The fake reports timedOut unless Bolt answered inside Slack's 3 s window.
  it('acks the command, threads the public reply and posts the result with an attachment and a button', async () => {
    const ack = await fake.slash(alice, '/ping', '', { channel });
    expect(ack).toEqual({ status: 200, body: '', timedOut: false });
    const root = await fake.waitFor(
      () => fake.messagesIn(channel).find((m) => m.text.includes('/ping')),
      10_000,
      'public reply',
    );
    thread = root.ts;
    result = await fake.waitFor(
      () => fake.messagesIn(channel, thread).find((m) => m.text.includes('Pong')),
      15_000,
      'Pong in thread',
    );
    expect(buttonId(result)).toMatch(/^act:[A-Za-z0-9_-]{22}$/);
    const file = await fake.waitFor(
      () => fake.filesIn(channel, thread).find((f) => f.filename === 'ping.txt'),
      10_000,
      'ping.txt',
    );
    expect(file.bytes?.length).toBeGreaterThan(0);
  });

  it("refuses a family member's click on the operator button", async () => {
    await fake.clickButton(result.ts, buttonId(result), undefined, kid);
    const refusal = await fake.waitFor(
      () => fake.ephemeralsFor(kid).find((m) => m.text.includes('for the operator')),
      10_000,
      'refusal',
    );
    expect(refusal.text).toContain('Acknowledge');
    expect(fake.messagesIn(channel, thread).some((m) => m.text.includes('clicked'))).toBe(false);
  });

  it("runs an operator's click once, replaces the buttons and refuses a second (stale) click", async () => {
    const id = buttonId(result);
    await fake.clickButton(result.ts, id, undefined, alice);
    await fake.waitFor(
      () => fake.messagesIn(channel, thread).find((m) => m.text.includes('alice clicked Acknowledge')),
      10_000,
      'click announced',
    );
    await fake.waitFor(
      () => actionsOf(fake.store.findMessage(channel, result.ts)) === undefined,
      10_000,
      'buttons replaced',
    );
    await fake.clickButton(result.ts, id, undefined, alice);
    await fake.waitFor(
      () => fake.ephemeralsFor(alice).find((m) => m.text.includes('already used')),
      10_000,
      'second click refused',
    );
    expect(fake.messagesIn(channel, thread).filter((m) => m.text.includes('clicked Acknowledge'))).toHaveLength(1);
  });

  it('refuses a forged custom id without running anything', async () => {
    const posted = await bot.adapter.post(
      { platform: 'slack', channelId: channel, threadId: thread },
      { text: 'forged', buttons: [{ id: 'act:../../etc', label: 'x', style: 'danger' }] },
    );
    await fake.clickButton(posted.messageId, 'act:../../etc', undefined, alice);
    await fake.waitFor(
      () => fake.ephemeralsFor(alice).find((m) => m.text.includes("isn't one I recognise")),
      10_000,
      'forged refused',
    );
  });

  it('delivers a job into the original thread while the bot is down, and the restarted bot keeps working', async () => {
    await fake.slash(alice, '/ping', 'delay:1', { channel });
    const root = await fake.waitFor(
      () => fake.messagesIn(channel).find((m) => m.text.includes('/ping') && m.ts !== thread),
      10_000,
      'second reply',
    );
    // Stop only once the worker has the job (it edits the status line), not mid-dispatch.
    await fake.waitFor(
      () => fake.store.findMessage(channel, root.ts)?.text.startsWith('🔄 Running'),
      10_000,
      'job running',
    );
    await bot.stop();
    const pong = await fake.waitFor(
      () => fake.messagesIn(channel, root.ts).find((m) => m.text.includes('Pong')),
      15_000,
      'Pong while bot down',
    );
    expect(pong.threadTs).toBe(root.ts);
    await fake.waitFor(
      () => fake.store.findMessage(channel, root.ts)?.text.startsWith('✅ Done'),
      10_000,
      'status line edited',
    );
    bot = await startSlackBot(opts);
    await fake.clickButton(pong.ts, buttonId(pong), undefined, alice);
    await fake.waitFor(
      () => fake.messagesIn(channel, root.ts).find((m) => m.text.includes('alice clicked Acknowledge')),
      10_000,
      'click after restart',
    );
  });
});
