import type { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundAction, InboundCommand, InboundHandler, Responder } from '../../src/bot/inbound.js';
import { DiscordAdapter } from '../../src/bot/discord/discord-adapter.js';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { ExternalError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';

const operator = { id: '110000000000000001', username: 'alice', roleIds: ['210000000000000001'] };

/** A stand-in dispatcher: records every inbound event and runs the test's script for it. */
function recordingHandler(events: EventEmitter) {
  const commands: InboundCommand[] = [];
  const actions: InboundAction[] = [];
  const intents: InboundCommand[] = [];
  const handler: InboundHandler & {
    onCmd: (c: InboundCommand, r: Responder) => Promise<void>;
    onAct: (a: InboundAction, r: Responder) => Promise<void>;
  } = {
    onCmd: () => Promise.resolve(),
    onAct: () => Promise.resolve(),
    abandoned: () => Promise.resolve(),
    received(c) {
      intents.push(c);
      return Promise.resolve();
    },
    async onCommand(c, r) {
      commands.push(c);
      events.emit('change');
      await handler.onCmd(c, r);
    },
    async onAction(a, r) {
      actions.push(a);
      events.emit('change');
      await handler.onAct(a, r);
    },
  };
  return { handler, commands, actions, intents };
}

describe('DiscordAdapter with real discord.js against the emulator', () => {
  let emu: DiscordEmulator;
  let adapter: DiscordAdapter;
  let rec: ReturnType<typeof recordingHandler>;

  beforeEach(async () => {
    emu = await startDiscordEmulator({ users: [operator] });
    adapter = new DiscordAdapter({ token: emu.token, apiUrl: emu.apiUrl, logger: silentLogger() });
    rec = recordingHandler(emu.state.events);
    await adapter.start(rec.handler);
  });
  afterEach(async () => {
    await adapter.stop();
    await emu.stop();
    expect(emu.state.violations).toEqual([]);
    // The intent saved before each ack (read from the raw packet) is the command the handler got.
    expect(rec.intents).toEqual(rec.commands);
  });

  it('logs in over the gateway and is ready', () => {
    expect(emu.connected()).toBe(1);
  });

  it('defers a slash command, replies publicly, threads it, posts a file and a button, and routes the click', async () => {
    rec.handler.onCmd = async (_c, r) => {
      const root = await r.replyPublicly({ text: 'Drift audit queued' });
      const thread = await adapter.openThreadOn(root, 'drift audit');
      await adapter.post(thread, {
        text: 'Drift found',
        attachments: [{ filename: 'drift.diff', content: '-a\n+b\n', contentType: 'text/x-diff' }],
        buttons: [{ id: 'act:approve1', label: 'Approve', style: 'success' }],
      });
    };
    const ack = await emu.slash(operator.id, 'drift audit', { host: 'ct-docker-01' });
    expect(ack.callback.type).toBe(5);
    const root = await emu.waitFor(
      () => emu.messagesIn(emu.ids.channelId).find((m) => m.threadId !== null),
      'threaded reply',
    );
    const result = await emu.waitFor(() => emu.messagesIn(root.id)[0], 'message in thread');
    expect(root.content).toBe('Drift audit queued');
    expect(rec.commands[0]).toMatchObject({
      platform: 'discord',
      command: 'drift',
      subcommand: 'audit',
      options: { host: 'ct-docker-01' },
      channelId: emu.ids.channelId,
      invocationId: ack.interactionId,
      user: { id: operator.id, roleIds: operator.roleIds },
    });
    expect(rec.commands[0]?.threadId).toBeUndefined();
    const attachment = result.attachments[0]!;
    expect(attachment.filename).toBe('drift.diff');
    const url = `${emu.ids.baseUrl}/att/${attachment.id}/drift.diff`;
    expect(await (await fetch(url)).text()).toBe('-a\n+b\n');

    rec.handler.onAct = async (a) => {
      await adapter.disableActions(a.message);
    };
    const click = await emu.click(result.id, 'act:approve1', operator.id);
    expect(click.callback.type).toBe(6);
    await emu.waitFor(
      () =>
        rec.actions.length === 1 && JSON.stringify(emu.messagesIn(root.id)[0]?.components).includes('"disabled":true'),
      'disabled buttons',
    );
    expect(rec.actions[0]).toMatchObject({
      customId: 'act:approve1',
      values: [],
      message: { messageId: result.id, threadId: root.id },
    });
    await expect(emu.click(result.id, 'act:approve1', operator.id)).rejects.toThrow(/disabled/);
  });

  it('hands a command acked just before stop() to its handler before stopping', async () => {
    // discord.js builds Interactions only after the burst's acks (holdInteractionPackets): a stop
    // inside that wait must still route the acked command, and wait for its handler.
    let finished = false;
    rec.handler.onCmd = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      finished = true;
    };
    const ack = await emu.slash(operator.id, 'ping', {});
    expect(ack.callback.type).toBe(5);
    expect(rec.commands).toEqual([]);
    await adapter.stop();
    expect(rec.commands.map((c) => c.invocationId)).toEqual([ack.interactionId]);
    expect(finished).toBe(true);
  });

  it('routes a string select with its chosen values', async () => {
    const thread = (
      await adapter.openThread(emu.ids.channelId, 'pick', {
        text: 'Which one?',
        select: {
          id: 'act:pick',
          placeholder: 'Choose',
          options: [
            { label: 'A', value: 'a' },
            { label: 'B', value: 'b' },
          ],
        },
      })
    ).root;
    const ack = await emu.select(thread.messageId, 'act:pick', ['b'], operator.id);
    expect(ack.callback.type).toBe(6);
    await emu.waitFor(() => rec.actions[0], 'select action');
    expect(rec.actions[0]).toMatchObject({ customId: 'act:pick', values: ['b'] });
  });

  it('sees a command typed inside a thread as coming from that thread', async () => {
    const { thread } = await adapter.openThread(emu.ids.channelId, 'ops', { text: 'root' });
    await emu.slash(operator.id, 'health', {}, { channelId: thread.threadId });
    const cmd = await emu.waitFor(() => rec.commands[0], 'command');
    expect(cmd).toMatchObject({ command: 'health', channelId: emu.ids.channelId, threadId: thread.threadId });
    expect(cmd.subcommand).toBeUndefined();
  });

  it('edits a message in place and sends a direct message', async () => {
    const { thread } = await adapter.openThread(emu.ids.channelId, 'run', { text: 'root' });
    const msg = await adapter.post(thread, { text: '🔄 running' });
    await adapter.edit(msg, { text: '✅ done' });
    expect(emu.messagesIn(thread.threadId).map((m) => m.content)).toEqual(['✅ done']);
    const dm = await adapter.sendDirect(operator.id, { text: 'Your request is available' });
    expect(emu.state.channels.get(dm.channelId)?.recipientId).toBe(operator.id);
    expect(emu.messagesIn(dm.channelId)[0]?.content).toBe('Your request is available');
  });

  it('retries a post after one 429 and delivers it once', async () => {
    const { thread } = await adapter.openThread(emu.ids.channelId, 'rl', { text: 'root' });
    emu.failNext(1, 429, (m, p) => m === 'POST' && p === `/channels/${thread.threadId}/messages`);
    await adapter.post(thread, { text: 'after 429' });
    expect(emu.messagesIn(thread.threadId).map((m) => m.content)).toEqual(['after 429']);
    expect(
      emu.state.requests.filter((r) => r.path === `/channels/${thread.threadId}/messages`).map((r) => r.status),
    ).toEqual([429, 200]);
  });

  it('shortens text over 2000 characters and attaches the full text', async () => {
    const { thread } = await adapter.openThread(emu.ids.channelId, 'long', { text: 'root' });
    const long = Array.from({ length: 300 }, (_, n) => `line ${n} ${'x'.repeat(20)}`).join('\n');
    await adapter.post(thread, { text: long });
    const msg = emu.messagesIn(thread.threadId)[0]!;
    expect(msg.content.length).toBeLessThanOrEqual(2000);
    expect(msg.content).toContain('full output attached');
    expect(emu.attachmentContent(msg.attachments[0]!.id).toString()).toBe(long);
  });

  it('answers a failing handler with an internal-error reply naming the run', async () => {
    rec.handler.onCmd = () => Promise.reject(new Error('boom'));
    const ack = await emu.slash(operator.id, 'status');
    const reply = await emu.waitFor(
      () => emu.messagesIn(emu.ids.channelId).find((m) => m.content.startsWith('Internal error')),
      'error reply',
    );
    expect(reply.content).toContain(ack.interactionId);
    expect(reply.content).not.toContain('boom');
  });
});

describe('DiscordChat without a gateway (a worker after a restart)', () => {
  it('posts into a thread recorded by an earlier bot process', async () => {
    const emu = await startDiscordEmulator({ users: [operator] });
    try {
      const bot = new DiscordAdapter({ token: emu.token, apiUrl: emu.apiUrl, logger: silentLogger() });
      await bot.start(recordingHandler(emu.state.events).handler);
      const { thread } = await bot.openThread(emu.ids.channelId, 'drift audit', { text: '⏳ queued' });
      const stored = JSON.parse(JSON.stringify(thread)) as typeof thread;
      await bot.stop();
      expect(emu.connected()).toBe(0);
      const worker = new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: silentLogger() });
      await worker.post(stored, {
        text: '✅ audit finished',
        attachments: [{ filename: 'report.md', content: '# ok' }],
      });
      const msg = emu.messagesIn(stored.threadId)[0]!;
      expect(msg.content).toBe('✅ audit finished');
      expect(emu.attachmentContent(msg.attachments[0]!.id).toString()).toBe('# ok');
      expect(emu.state.violations).toEqual([]);
    } finally {
      await emu.stop();
    }
  });

  it('turns persistent 5xx answers into a retryable ExternalError after discord.js retries', async () => {
    const emu = await startDiscordEmulator();
    try {
      const chat = new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: silentLogger() });
      emu.failNext(10, 502, (m, p) => m === 'POST' && p === `/channels/${emu.ids.channelId}/messages`);
      const failing = chat.openThread(emu.ids.channelId, 'x', { text: 'never' });
      await expect(failing).rejects.toBeInstanceOf(ExternalError);
      await expect(failing).rejects.toMatchObject({ code: 'discord-api', retryable: true });
      expect(emu.messagesIn(emu.ids.channelId)).toHaveLength(0);
    } finally {
      await emu.stop();
    }
  });
});
