import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { findComponent } from '../../lab/emulators/discord/interaction-payloads.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { startDiscordBot, startDiscordWorker, type StackOptions } from './discord-stack.js';

const alice = { id: '120000000000000001', username: 'alice', roleIds: [] };
const kid = { id: '120000000000000002', username: 'kid', roleIds: [] };
const access = {
  people: [
    { name: 'alice', role: 'operator' as const, discordId: alice.id },
    { name: 'kid', role: 'family' as const, discordId: kid.id },
  ],
};

const buttonId = (m: StoredMessage): string => {
  const row = m.components[0] as { components: { custom_id: string }[] };
  return row.components[0]!.custom_id;
};
const isPrivate = (m: StoredMessage): boolean => (m.flags & 64) !== 0;

describe('Discord end to end: real discord.js, emulator, dispatcher, BullMQ worker, private redis', () => {
  let redis: PrivateRedis;
  let emu: DiscordEmulator;
  let opts: StackOptions;
  let bot: Awaited<ReturnType<typeof startDiscordBot>>;
  let worker: ReturnType<typeof startDiscordWorker>;
  let thread = '';
  let result: StoredMessage;

  beforeAll(async () => {
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [alice, kid] });
    opts = { emu, redisUrl: redis.url, prefix: uniquePrefix(), access };
    bot = await startDiscordBot(opts);
    worker = startDiscordWorker(opts);
  });
  afterAll(async () => {
    await bot.stop();
    await worker.stop();
    await emu.stop();
    await redis.stop();
  });

  // The emulator rejects slash() unless the callback arrives inside Discord's 3 s window.
  it('defers the command, threads the reply and posts the result with an attachment and a button', async () => {
    const ack = await emu.slash(alice.id, 'ping');
    expect(ack.callback.type).toBe(5);
    const root = await emu.waitFor(
      () => emu.messagesIn(emu.ids.channelId).find((m) => m.threadId !== null),
      'threaded reply',
    );
    expect(root.content).toContain('/ping');
    thread = root.id;
    result = await emu.waitFor(() => emu.messagesIn(thread).find((m) => m.content.includes('Pong')), 'Pong in thread');
    expect(result.attachments.map((a) => a.filename)).toContain('ping.txt');
    expect(buttonId(result)).toMatch(/^act:[A-Za-z0-9_-]{22}$/);
    expect(emu.state.violations).toEqual([]);
  });

  it("refuses a family member's click on the operator button", async () => {
    await emu.click(result.id, buttonId(result), kid.id);
    const refusal = await emu.waitFor(
      () => emu.messagesIn(thread).find((m) => isPrivate(m) && m.content.includes('for the operator')),
      'refusal',
    );
    expect(refusal.content).toContain('Acknowledge');
    expect(emu.messagesIn(thread).some((m) => m.content.includes('clicked'))).toBe(false);
  });

  it("runs an operator's click once, disables the button and refuses a second (stale) click", async () => {
    const id = buttonId(result);
    await emu.click(result.id, id, alice.id);
    await emu.waitFor(
      () => emu.messagesIn(thread).find((m) => m.content.includes('alice clicked Acknowledge')),
      'click announced',
    );
    await emu.waitFor(
      () => findComponent(emu.state.messages.get(result.id)!.components, id)?.['disabled'] === true,
      'button disabled',
    );
    await emu.click(result.id, id, alice.id, { stale: true });
    await emu.waitFor(
      () => emu.messagesIn(thread).find((m) => isPrivate(m) && m.content.includes('already used')),
      'second click refused',
    );
    expect(emu.messagesIn(thread).filter((m) => m.content.includes('clicked Acknowledge'))).toHaveLength(1);
  });

  it('refuses a forged custom id without running anything', async () => {
    const posted = await bot.adapter.post(
      { platform: 'discord', channelId: emu.ids.channelId, threadId: thread },
      { text: 'forged', buttons: [{ id: 'act:../../etc', label: 'x', style: 'danger' }] },
    );
    await emu.click(posted.messageId, 'act:../../etc', alice.id);
    await emu.waitFor(
      () => emu.messagesIn(thread).find((m) => isPrivate(m) && m.content.includes("isn't one I recognise")),
      'forged refused',
    );
  });

  it('delivers a job into the original thread while the bot is down, and the restarted bot keeps working', async () => {
    await emu.slash(alice.id, 'ping', { delay: 1 });
    const root = await emu.waitFor(
      () => emu.messagesIn(emu.ids.channelId).find((m) => m.threadId !== null && m.id !== thread),
      'second thread',
    );
    await bot.stop();
    expect(emu.connected()).toBe(0);
    const pong = await emu.waitFor(
      () => emu.messagesIn(root.id).find((m) => m.content.includes('Pong')),
      'Pong while bot down',
      15_000,
    );
    expect(pong.channelId).toBe(root.id);
    bot = await startDiscordBot(opts);
    expect(emu.connected()).toBe(1);
    await emu.click(pong.id, buttonId(pong), alice.id);
    await emu.waitFor(
      () => emu.messagesIn(root.id).find((m) => m.content.includes('alice clicked Acknowledge')),
      'click after restart',
    );
  });
});
