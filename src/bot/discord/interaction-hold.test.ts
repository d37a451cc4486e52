import { Client, GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../log.js';
import { holdInteractionPackets } from './interaction-hold.js';

/** A stand-in for discord.js's client: `ws.handlePacket` records what discord.js would handle. */
const fakeClient = () => {
  const handled: string[] = [];
  const client = {
    ws: {
      handlePacket: (packet?: { t?: unknown; d?: { id?: string } }): boolean => {
        if (packet?.d?.id === 'bad') throw new Error('discord.js could not build it');
        handled.push(`${String(packet?.t)}${packet?.d?.id === undefined ? '' : `:${packet.d.id}`}`);
        return true;
      },
    },
  };
  return { client: client as unknown as Client, handled };
};

const gate = () => {
  let open!: () => void;
  let calls = 0;
  let promise = Promise.resolve();
  return {
    until: (): Promise<void> => {
      calls += 1;
      promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      return promise;
    },
    open: async (): Promise<void> => {
      open();
      await promise;
      await new Promise((r) => setImmediate(r));
    },
    get calls() {
      return calls;
    },
  };
};

const interaction = (id: string) => ({ t: 'INTERACTION_CREATE', d: { id } });
const silent = silentLogger();

describe('holdInteractionPackets', () => {
  it('hands interactions to discord.js only once the gate opens, in arrival order; other packets pass at once', async () => {
    const { client, handled } = fakeClient();
    const g = gate();
    holdInteractionPackets(client, g.until, silent);
    const ws = client.ws as unknown as { handlePacket(p: unknown): boolean };
    expect(ws.handlePacket(interaction('1'))).toBe(true);
    ws.handlePacket({ t: 'GUILD_CREATE' });
    ws.handlePacket(interaction('2'));
    expect(handled).toEqual(['GUILD_CREATE']);
    expect(g.calls).toBe(1);
    await g.open();
    expect(handled).toEqual(['GUILD_CREATE', 'INTERACTION_CREATE:1', 'INTERACTION_CREATE:2']);
    // The next burst waits for the gate again.
    ws.handlePacket(interaction('3'));
    expect(handled).toHaveLength(3);
    expect(g.calls).toBe(2);
    await g.open();
    expect(handled.at(-1)).toBe('INTERACTION_CREATE:3');
  });

  it('hands held interactions over when the gate fails too', async () => {
    const { client, handled } = fakeClient();
    holdInteractionPackets(client, () => Promise.reject(new Error('gate broke')), silent);
    (client.ws as unknown as { handlePacket(p: unknown): boolean }).handlePacket(interaction('1'));
    await new Promise((r) => setImmediate(r));
    expect(handled).toEqual(['INTERACTION_CREATE:1']);
  });

  it('hands the other held interactions over when discord.js fails on one, and logs it', () => {
    const { client, handled } = fakeClient();
    const lines: string[] = [];
    const log = createLogger({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const hold = holdInteractionPackets(client, () => new Promise(() => undefined), log);
    const ws = client.ws as unknown as { handlePacket(p: unknown): boolean };
    ws.handlePacket(interaction('bad'));
    ws.handlePacket(interaction('2'));
    hold.release();
    expect(handled).toEqual(['INTERACTION_CREATE:2']);
    expect(lines.join('')).toContain('discord.js failed on a held interaction');
  });

  it('release() hands the held interactions over at once and lets later ones through', () => {
    const { client, handled } = fakeClient();
    const g = gate();
    const hold = holdInteractionPackets(client, g.until, silent);
    const ws = client.ws as unknown as { handlePacket(p: unknown): boolean };
    ws.handlePacket(interaction('1'));
    hold.release();
    expect(handled).toEqual(['INTERACTION_CREATE:1']);
    ws.handlePacket(interaction('2'));
    expect(handled).toEqual(['INTERACTION_CREATE:1', 'INTERACTION_CREATE:2']);
  });

  it('leaves a client without the hook alone and says so', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const client = { ws: {} } as unknown as Client;
    holdInteractionPackets(client, () => Promise.resolve(), log).release();
    expect(lines.join('')).toContain('interactions are built as they arrive');
  });

  it('finds the hook it wraps on the pinned discord.js client', () => {
    const client = new Client({ intents: [GatewayIntentBits.Guilds] });
    expect(typeof (client.ws as unknown as { handlePacket?: unknown }).handlePacket).toBe('function');
    void client.destroy();
  });
});
