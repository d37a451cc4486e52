import { PermissionFlagsBits } from 'discord.js';

export type DiscordPermission = keyof typeof PermissionFlagsBits;

/**
 * Every REST route (discord.js `Routes.*`) this folder calls, with the channel permissions Discord
 * checks for it. discord-permissions.test.ts fails when the adapter starts calling a route that is
 * not listed here, so the invite URL always asks for what the code needs — and nothing more.
 */
export const discordRoutePermissions = {
  // Posts in channels and in threads, with files: the report channel, the command's thread.
  channelMessages: ['ViewChannel', 'SendMessages', 'SendMessagesInThreads', 'AttachFiles'],
  // A thread started on the bot's own message.
  threads: ['CreatePublicThreads'],
  // Reads a message back (to disable its buttons) and edits the bot's own messages.
  channelMessage: ['ReadMessageHistory'],
  // Opens a DM with a person ("it's available" notices): no channel permission.
  userChannels: [],
  // Edits the invoker's ephemeral reply of a recovered command: the interaction token is the credential.
  webhookMessage: [],
  // Registers slash commands: the applications.commands scope, no permission.
  applicationCommands: [],
  applicationGuildCommands: [],
} as const satisfies Record<string, readonly DiscordPermission[]>;

/** OAuth2 scopes of the invite: the bot user and its slash commands. */
export const discordScopes = ['bot', 'applications.commands'] as const;

/** Gateway intents the client asks for (discord-adapter.ts); none is privileged. */
export const discordIntents = ['Guilds'] as const;

/** The distinct permissions the routes need, in Discord's bit order. */
export function neededDiscordPermissions(): DiscordPermission[] {
  const all = new Set<DiscordPermission>(Object.values(discordRoutePermissions).flat());
  return [...all].sort((a, b) => (PermissionFlagsBits[a] < PermissionFlagsBits[b] ? -1 : 1));
}

/** The permission integer for the OAuth2 URL. */
export const discordPermissionInteger = (
  permissions: readonly DiscordPermission[] = neededDiscordPermissions(),
): bigint => permissions.reduce((sum, p) => sum | PermissionFlagsBits[p], 0n);

/** The bot's invite URL: scopes, permission integer and, when known, the guild preselected. */
export function discordInviteUrl(applicationId: string, guildId?: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: discordScopes.join(' '),
    permissions: String(discordPermissionInteger()),
  });
  if (guildId !== undefined) {
    params.set('guild_id', guildId);
    params.set('disable_guild_select', 'true');
  }
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
