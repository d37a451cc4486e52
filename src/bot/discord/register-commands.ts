import { REST, Routes } from 'discord.js';
import { callDiscord } from './discord-chat.js';

/** What `register-commands` needs; commands come from `toDiscordCommands(registry)`. */
export interface RegisterCommandsOptions {
  readonly token: string;
  readonly applicationId: string;
  /** Set: guild commands (visible at once). Unset: global commands (may take up to an hour). */
  readonly guildId?: string;
  /** REST base, e.g. `http://127.0.0.1:P/api` for the emulator. */
  readonly apiUrl?: string;
  readonly commands: readonly unknown[];
}

/**
 * Bulk-overwrites the application's slash commands (guild scope when `guildId` is set, else
 * global) and returns how many Discord now has. A separate CLI step, never run at startup.
 * Failures surface as `ExternalError` naming the scope.
 */
export async function registerCommands(options: RegisterCommandsOptions): Promise<number> {
  const rest = new REST({ version: '10', ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }) }).setToken(
    options.token,
  );
  const route =
    options.guildId === undefined
      ? Routes.applicationCommands(options.applicationId)
      : Routes.applicationGuildCommands(options.applicationId, options.guildId);
  const scope = options.guildId === undefined ? 'global commands' : `commands of guild ${options.guildId}`;
  const saved = await callDiscord<unknown[]>(`register the ${scope}`, () =>
    rest.put(route, { body: options.commands }),
  );
  return saved.length;
}
