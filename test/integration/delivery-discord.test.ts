import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores, type Stores } from '../../src/store/stores.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { eventually, startTestRedis, uniquePrefix } from './core-harness.js';
import { startDiscordBot, startDiscordWorker, type StackOptions } from './discord-stack.js';

const alice = { id: '110000000000000001', username: 'alice', roleIds: [] };
const kid = { id: '110000000000000002', username: 'kid', roleIds: [] };
const access = {
  people: [
    { name: 'alice', role: 'operator' as const, discordId: alice.id },
    { name: 'kid', role: 'family' as const, discordId: kid.id },
  ],
};
const otherGuild = '123456789012345678';

interface Button {
  readonly custom_id: string;
  readonly label: string;
  readonly disabled?: boolean;
}
const buttonsOf = (m: StoredMessage): Button[] =>
  (m.components as { components?: Button[] }[]).flatMap((r) => r.components ?? []);

describe('Discord delivery: acks under faults, durable dispatch, refusals, mentions (real discord.js, emulator, redis)', () => {
  let redis: PrivateRedis;
  let emu: DiscordEmulator;
  let bot: Awaited<ReturnType<typeof startDiscordBot>>;
  let worker: ReturnType<typeof startDiscordWorker>;
  let stores: Stores;
  let opts: StackOptions;
  let otherChannel: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [alice, kid] });
    otherChannel = emu.addChannel('random');
    opts = {
      emu,
      redisUrl: redis.url,
      prefix: uniquePrefix(),
      access,
      places: { discord: { workspaceId: emu.ids.guildId, channelIds: [emu.ids.channelId] } },
    };
    bot = await startDiscordBot(opts);
    worker = startDiscordWorker(opts);
    stores = createStores({ redisUrl: redis.url, prefix: opts.prefix });
  });
  afterAll(async () => {
    await bot.stop();
    await worker.stop();
    await stores.close();
    await emu.stop();
    await redis.stop();
    expect(emu.state.violations).toEqual([]);
  });

  const roots = (): StoredMessage[] =>
    emu
      .messagesIn(emu.ids.channelId)
      .filter((m) => m.content.startsWith('⏳') || m.content.startsWith('✅') || m.content.startsWith('🔄'));
  const pongsIn = (thread: string): StoredMessage[] =>
    emu.messagesIn(thread).filter((m) => m.content.includes('**Pong**'));

  /** Runs /ping and waits for its thread to show the result and the status line to say done. */
  async function pingDone(): Promise<{ root: StoredMessage; pong: StoredMessage }> {
    const before = new Set(roots().map((m) => m.id));
    await emu.slash(alice.id, 'ping');
    const root = await emu.waitFor(
      () => roots().find((m) => !before.has(m.id) && m.threadId !== null && m.content.startsWith('✅ Done')),
      'done status line',
      20_000,
    );
    const pong = await emu.waitFor(() => pongsIn(root.threadId ?? '')[0], 'pong', 20_000);
    return { root, pong };
  }

  it.each([
    ['the socket is reset before the ack counts', 'reset' as const],
    ['the ack counts but its answer is lost', 'reset-after' as const],
    ['Discord answers 500', '500' as const],
    ['Discord answers after 1.2 s', 'late' as const],
  ])('runs the command exactly once when %s', async (_what, kind) => {
    emu.failAcks(kind, 1, 1_200);
    const callbacks = emu.state.callbacks.length;
    const { root, pong } = await pingDone();
    expect(pongsIn(root.threadId ?? '')).toEqual([pong]);
    expect(emu.state.callbacks.length - callbacks).toBe(1);
    expect(root.flags & 64).toBe(0);
  });

  it('gives up within the deadline when Discord never answers: the user is told by Discord, nothing runs', async () => {
    emu.failAcks('silent', 5);
    const before = roots().length;
    const runs = (await stores.runStore.listRecent(100)).length;
    await expect(emu.slash(alice.id, 'ping')).rejects.toThrow(/callback/);
    // The intent saved before the ack is dropped once the ack is lost, so no sweep runs it later.
    await eventually(
      async () =>
        (await stores.intentStore.unsettled(new Date(Date.now() + 60_000), 10)).length === 0 ? true : undefined,
      'lost ack drops its intent',
      10_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(roots()).toHaveLength(before);
    expect(await stores.runStore.listRecent(100)).toHaveLength(runs);
    emu.state.ackFaults.splice(0);
  });

  it('answers privately (ephemeral) when it refuses, and nothing becomes public', async () => {
    const publicBefore = emu.messagesIn(emu.ids.channelId).filter((m) => (m.flags & 64) === 0).length;
    await emu.slash(kid.id, 'drift audit');
    const refusal = await emu.waitFor(
      () => [...emu.state.messages.values()].find((m) => m.content.includes('/drift audit is for the operator')),
      'refusal',
      10_000,
    );
    expect(refusal.flags & 64).toBe(64);
    expect(emu.messagesIn(emu.ids.channelId).filter((m) => (m.flags & 64) === 0)).toHaveLength(publicBefore);
  });

  it.each([
    ['another guild', 'guild'],
    ['a channel that is not configured', 'channel'],
  ])('refuses a command from %s with a short private message and runs nothing', async (_what, which) => {
    const at = which === 'channel' ? { channelId: otherChannel } : { guildId: otherGuild };
    const runs = (await stores.runStore.listRecent(100)).length;
    const ack = await emu.slash(alice.id, 'ping', {}, at);
    const reply = await emu.waitFor(
      () =>
        emu.state.messages
          .get(emu.state.interactions.get(ack.interactionId)?.originalMessageId ?? '')
          ?.content.includes("don't take commands here") === true
          ? true
          : undefined,
      'refusal',
      10_000,
    );
    expect(reply).toBe(true);
    expect(await stores.runStore.listRecent(100)).toHaveLength(runs);
  });

  it('refuses clicks from another message, channel or guild and from a family member before using the button up; the owner click still works', async () => {
    const { pong } = await pingDone();
    const ack = buttonsOf(pong).find((b) => b.label === 'Acknowledge');
    expect(ack).toBeDefined();
    const id = ack?.custom_id ?? '';
    const refusalCount = (): number =>
      [...emu.state.messages.values()]
        .filter((m) => (m.flags & 64) !== 0)
        .map((m) => m.content)
        .filter(
          (t) =>
            t.includes("doesn't belong to this message") ||
            t.includes("don't take commands here") ||
            t.includes('is for the operator'),
        ).length;
    const before = refusalCount();
    const copy = emu.postAs(alice.id, otherChannel, 'copy', pong.components);
    const copyHere = emu.postAs(alice.id, emu.ids.channelId, 'copy in the configured channel', pong.components);
    await emu.click(copy.id, id, alice.id);
    await emu.click(copyHere.id, id, alice.id);
    await emu.click(pong.id, id, alice.id, { channelId: otherChannel });
    await emu.click(pong.id, id, alice.id, { guildId: otherGuild });
    await emu.click(pong.id, id, kid.id);
    const refusals = await emu.waitFor(
      () => (refusalCount() - before >= 5 ? refusalCount() - before : undefined),
      'five refusals',
      10_000,
    );
    expect(refusals).toBe(5);
    expect(
      [...emu.state.messages.values()].filter((m) => m.content.includes("doesn't belong to this message")).length,
    ).toBe(1);
    expect((await stores.actionStore.get(id.slice(4)))?.status).toBe('pending');
    expect(buttonsOf(emu.state.messages.get(pong.id) ?? pong).find((b) => b.custom_id === id)?.disabled).toBe(false);
    await emu.click(pong.id, id, alice.id);
    const thread = pong.channelId;
    await emu.waitFor(
      () => emu.messagesIn(thread).find((m) => m.content.includes('Acknowledged by alice')),
      'acknowledged',
      20_000,
    );
    expect(emu.messagesIn(thread).filter((m) => m.content.includes('Acknowledged by alice'))).toHaveLength(1);
  });

  it('never pings: @everyone, @here, <@&role> and <@user> in texts and labels go out with allowed_mentions { parse: [] }', async () => {
    const chat = new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: silentLogger() });
    const text = `container @everyone-db on @here, label <@&210000000000000009> for <@${kid.id}>`;
    const { thread, root } = await chat.openThread(emu.ids.channelId, 'drift @everyone', { text });
    const posted = await chat.post(thread, { text, buttons: [{ id: 'act:x', label: '@everyone', style: 'primary' }] });
    await chat.edit(posted, { text: `${text} (edited)` });
    await chat.edit(root, { text: `@here ${text}` });
    expect(emu.pings()).toEqual([]);
    expect(emu.withoutAllowedMentions()).toEqual([]);
    expect(emu.state.mentions.length).toBeGreaterThan(4);
  });

  it('sent every message of this file with allowed_mentions and without a single ping', () => {
    expect(emu.withoutAllowedMentions()).toEqual([]);
    expect(emu.pings()).toEqual([]);
  });
});
