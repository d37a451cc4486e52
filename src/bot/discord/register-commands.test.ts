import { describe, expect, it } from 'vitest';
import { startDiscordEmulator } from '../../../lab/emulators/discord/discord-emulator.js';
import { ExternalError } from '../../errors.js';
import { registerCommands } from './register-commands.js';

const commands = [
  {
    type: 1,
    name: 'drift',
    description: 'Drift audit',
    options: [{ type: 1, name: 'audit', description: 'Run an audit', options: [] }],
  },
  { type: 1, name: 'ping', description: 'Ping', options: [] },
];

describe('registerCommands', () => {
  it('overwrites guild commands when a guild id is given and keeps ids stable by name', async () => {
    const emu = await startDiscordEmulator();
    try {
      const base = {
        token: emu.token,
        applicationId: emu.ids.applicationId,
        guildId: emu.ids.guildId,
        apiUrl: emu.apiUrl,
      };
      expect(await registerCommands({ ...base, commands })).toBe(2);
      const firstId = emu.state.commands.get(emu.ids.guildId)?.get('drift')?.['id'];
      expect(await registerCommands({ ...base, commands: [commands[0]] })).toBe(1);
      expect(emu.state.commands.get(emu.ids.guildId)?.get('drift')?.['id']).toBe(firstId);
      expect(emu.state.commands.get('global')).toBeUndefined();
      expect(emu.state.violations).toEqual([]);
    } finally {
      await emu.stop();
    }
  });

  it('registers global commands without a guild id', async () => {
    const emu = await startDiscordEmulator();
    try {
      expect(
        await registerCommands({
          token: emu.token,
          applicationId: emu.ids.applicationId,
          apiUrl: emu.apiUrl,
          commands,
        }),
      ).toBe(2);
      expect([...(emu.state.commands.get('global')?.keys() ?? [])]).toEqual(['drift', 'ping']);
    } finally {
      await emu.stop();
    }
  });

  it('wraps an unknown guild as an ExternalError naming the guild', async () => {
    const emu = await startDiscordEmulator();
    try {
      const failing = registerCommands({
        token: emu.token,
        applicationId: emu.ids.applicationId,
        guildId: '123456789012345678',
        apiUrl: emu.apiUrl,
        commands,
      });
      await expect(failing).rejects.toBeInstanceOf(ExternalError);
      await expect(failing).rejects.toThrow(/guild 123456789012345678/);
    } finally {
      await emu.stop();
    }
  });
});
