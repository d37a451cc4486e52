import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type Interaction,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordEmulator, startDiscordEmulator } from './discord-emulator.js';
import { checkResponse } from './validate-response.js';

const alice = { id: '100000000000000001', username: 'alice', roleIds: ['200000000000000001'] };

async function loggedInClient(emu: DiscordEmulator): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
  const ready = new Promise<void>((resolve) =>
    client.once(Events.ClientReady, () => {
      resolve();
    }),
  );
  await client.login(emu.token);
  await ready;
  return client;
}

describe('DiscordEmulator', () => {
  let emu: DiscordEmulator;
  let client: Client | undefined;
  beforeEach(async () => {
    emu = await startDiscordEmulator({ users: [alice] });
  });
  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await emu.stop();
  });

  it('answers /gateway/bot only with the bot token and with a spec-valid body', async () => {
    const anon = await fetch(`${emu.apiUrl}/v10/gateway/bot`);
    const authed = await fetch(`${emu.apiUrl}/v10/gateway/bot`, { headers: { Authorization: `Bot ${emu.token}` } });
    expect(anon.status).toBe(401);
    expect(authed.status).toBe(200);
    expect(((await authed.json()) as { url: string }).url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/gateway$/);
    expect(emu.state.violations).toEqual([]);
  });

  it('rejects a response body that breaks the discord-api-spec schema', () => {
    expect(checkResponse('message', { id: 'x' }).length).toBeGreaterThan(0);
  });

  it('records a deferred reply, a file edit, a thread on the reply and a deferred update', async () => {
    client = await loggedInClient(emu);
    let threadId: (id: string) => void = () => undefined;
    const threadOpened = new Promise<string>((resolve) => {
      threadId = resolve;
    });
    client.on(
      Events.InteractionCreate,
      (i: Interaction) =>
        void (async () => {
          if (i.isChatInputCommand()) {
            await i.deferReply();
            const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder().setCustomId('act:1').setLabel('Go').setStyle(ButtonStyle.Success),
            );
            const reply = await i.editReply({
              content: `sub=${i.options.getSubcommand()} t=${i.options.getString('title') ?? ''}`,
              files: [{ attachment: Buffer.from('diff body'), name: 'x.diff' }],
              components: [row],
            });
            threadId((await reply.startThread({ name: 'run' })).id);
          } else if (i.isButton()) await i.deferUpdate();
        })(),
    );
    const ack = await emu.slash(alice.id, 'request movie', { title: 'Alien' });
    expect(ack.callback.type).toBe(5);
    const reply = await emu.waitFor(
      () => emu.messagesIn(emu.ids.channelId).find((m) => m.threadId !== null),
      'thread on reply',
    );
    expect(reply.content).toBe('sub=movie t=Alien');
    expect(await threadOpened).toBe(reply.id);
    expect(emu.state.channels.get(reply.id)?.type).toBe(11);
    expect(emu.attachmentContent(reply.attachments[0]!.id).toString()).toBe('diff body');
    const click = await emu.click(reply.id, 'act:1', alice.id);
    expect(click.callback.type).toBe(6);
    expect(emu.state.violations).toEqual([]);
  });

  it('refuses a second acknowledgement with code 40060', async () => {
    client = await loggedInClient(emu);
    client.on(Events.InteractionCreate, (i: Interaction) => void (i.isChatInputCommand() ? i.deferReply() : undefined));
    const ack = await emu.slash(alice.id, 'ping');
    const again = await fetch(`${emu.apiUrl}/v10/interactions/${ack.interactionId}/${ack.token}/callback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 5 }),
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: number }).code).toBe(40060);
  });

  it('edits an ephemeral deferred reply through its token privately, and refuses the token once expired (401, code 50027)', async () => {
    client = await loggedInClient(emu);
    client.on(
      Events.InteractionCreate,
      (i: Interaction) => void (i.isChatInputCommand() ? i.deferReply({ flags: MessageFlags.Ephemeral }) : undefined),
    );
    const ack = await emu.slash(alice.id, 'ping');
    const original = `${emu.apiUrl}/v10/webhooks/${emu.ids.applicationId}/${ack.token}/messages/%40original`;
    const edit = (content: string): Promise<Response> =>
      fetch(original, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ content, allowed_mentions: { parse: [] } }),
      });
    expect(emu.originalResponse(ack.interactionId)?.flags).toBe(64 | 128);
    expect((await edit('answered')).status).toBe(200);
    expect(emu.originalResponse(ack.interactionId)).toMatchObject({ content: 'answered', flags: 64 });
    emu.expireInteractionTokens();
    const late = await edit('too late');
    expect(late.status).toBe(401);
    expect(((await late.json()) as { code: number }).code).toBe(50027);
    expect(emu.originalResponse(ack.interactionId)?.content).toBe('answered');
  });

  it("sends an interaction to every gateway session, or to one; the second session's ack gets 40060", async () => {
    const clients = [await loggedInClient(emu), await loggedInClient(emu)];
    try {
      const seen: number[] = [];
      clients.forEach((c, n) => {
        c.on(Events.InteractionCreate, (i: Interaction) => {
          seen.push(n);
          if (i.isChatInputCommand()) i.deferReply().catch(() => undefined);
        });
      });
      const both = await emu.slash(alice.id, 'ping');
      await emu.waitFor(() => emu.state.refusedCallbacks.length === 1, 'the second ack refused');
      expect(seen.sort()).toEqual([0, 1]);
      expect(emu.state.callbacks.filter((c) => c.interactionId === both.interactionId)).toHaveLength(1);
      expect(emu.state.refusedCallbacks).toEqual([{ interactionId: both.interactionId, code: 40060 }]);
      seen.length = 0;
      await emu.slash(alice.id, 'ping', {}, { session: 1 });
      expect(seen).toEqual([1]);
      expect(emu.state.refusedCallbacks).toHaveLength(1);
    } finally {
      await Promise.all(clients.map((c) => c.destroy()));
    }
  });

  it('answers one injected 429 and lets discord.js retry to success', async () => {
    client = await loggedInClient(emu);
    emu.failNext(1, 429, (m, p) => m === 'POST' && p.endsWith('/messages'));
    const channel = await client.channels.fetch(emu.ids.channelId);
    if (channel?.isSendable() !== true) throw new Error('channel not sendable');
    await channel.send('after rate limit');
    const posts = emu.state.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(emu.messagesIn(emu.ids.channelId).map((m) => m.content)).toEqual(['after rate limit']);
  });
});
