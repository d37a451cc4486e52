import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  discordIntents,
  discordInviteUrl,
  discordPermissionInteger,
  discordRoutePermissions,
  neededDiscordPermissions,
} from './discord-permissions.js';

/** The source of every non-test file of the Discord adapter. */
async function adapterSource(): Promise<string> {
  const dir = import.meta.dirname;
  const files = (await readdir(dir)).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'discord-permissions.ts',
  );
  return (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
}

describe('Discord invite permissions are derived from what the adapter calls', () => {
  it('every Routes.* the adapter calls is listed with its permissions, and every listed route is called', async () => {
    const source = await adapterSource();
    const called = new Set([...source.matchAll(/Routes\.(\w+)\(/g)].map((m) => m[1]));
    expect([...called].sort()).toEqual(Object.keys(discordRoutePermissions).sort());
  });

  it('asks for exactly the permissions of those routes (posting with files in threads, starting threads, reading back)', () => {
    expect(neededDiscordPermissions()).toEqual([
      'ViewChannel',
      'SendMessages',
      'AttachFiles',
      'ReadMessageHistory',
      'CreatePublicThreads',
      'SendMessagesInThreads',
    ]);
    const expected =
      PermissionFlagsBits.ViewChannel |
      PermissionFlagsBits.SendMessages |
      PermissionFlagsBits.AttachFiles |
      PermissionFlagsBits.ReadMessageHistory |
      PermissionFlagsBits.CreatePublicThreads |
      PermissionFlagsBits.SendMessagesInThreads;
    expect(discordPermissionInteger()).toBe(expected);
    expect(discordPermissionInteger()).toBe(309237746688n);
  });

  it('the gateway intents the client asks for are the documented ones', async () => {
    const source = await adapterSource();
    const intents = [...source.matchAll(/GatewayIntentBits\.(\w+)/g)].map((m) => m[1]);
    expect(intents).toEqual([...discordIntents]);
  });

  it('the invite URL carries the scopes, the integer and the guild', () => {
    const url = new URL(discordInviteUrl('123456789012345678', '987654321098765432'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('309237746688');
    expect(url.searchParams.get('guild_id')).toBe('987654321098765432');
  });
});
