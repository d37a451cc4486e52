import { loadConfig } from '../config/load-config.js';
import { UserError } from '../errors.js';
import { defineCliCommand, type CliCommand, type CliContext } from './cli-command.js';
import { exitCodes, type ExitCode } from './exit-codes.js';

const text = (ctx: CliContext, name: string): string | undefined =>
  typeof ctx.values[name] === 'string' ? ctx.values[name] : undefined;
const load = (ctx: CliContext) =>
  loadConfig({ ...(ctx.configPath === undefined ? {} : { path: ctx.configPath }), env: ctx.env });

async function inviteUrl(ctx: CliContext): Promise<ExitCode> {
  const discord = (await load(ctx)).chat.discord;
  const applicationId = text(ctx, 'application-id') ?? discord?.applicationId;
  if (applicationId === undefined) {
    throw new UserError(
      'no-discord',
      'No application id: pass --application-id <id> (Developer Portal → General Information), or set chat.discord.applicationId.',
    );
  }
  const guildId = text(ctx, 'guild-id') ?? discord?.guildId;
  const { discordInviteUrl, neededDiscordPermissions, discordPermissionInteger } =
    await import('../bot/discord/discord-permissions.js');
  ctx.stdout.write(`${discordInviteUrl(applicationId, guildId)}\n`);
  ctx.stderr.write(
    `Scopes: bot, applications.commands. Permissions ${String(discordPermissionInteger())}: ${neededDiscordPermissions().join(', ')}.\n`,
  );
  return exitCodes.ok;
}

async function manifest(ctx: CliContext): Promise<ExitCode> {
  const slack = (await load(ctx)).chat.slack;
  const mode = text(ctx, 'mode') ?? slack?.mode ?? 'socket';
  const url = text(ctx, 'url');
  if (mode !== 'socket' && mode !== 'http')
    throw new UserError('cli-usage', `--mode must be socket or http, got "${mode}".`);
  if (mode === 'http' && url === undefined) {
    throw new UserError(
      'cli-usage',
      'HTTP mode needs the public base URL Slack calls: --url https://bot.example.com (the manifest adds /slack/events).',
    );
  }
  const [{ slackManifest }, { registry }] = await Promise.all([
    import('../bot/slack/slack-manifest.js'),
    import('../commands/registry.js'),
  ]);
  const how = mode === 'http' ? ({ mode, baseUrl: url ?? '' } as const) : ({ mode } as const);
  ctx.stdout.write(`${JSON.stringify(slackManifest(registry.commands, how), null, 2)}\n`);
  return exitCodes.ok;
}

export const chatSetupCommands: readonly CliCommand[] = [
  defineCliCommand({
    path: ['discord', 'invite-url'],
    summary: 'print the OAuth2 URL that adds the bot to your server with the permissions it needs',
    options: {
      'application-id': {
        type: 'string',
        valueName: 'id',
        description: 'application id (default chat.discord.applicationId)',
      },
      'guild-id': {
        type: 'string',
        valueName: 'id',
        description: 'preselect this server (default chat.discord.guildId)',
      },
    },
    run: inviteUrl,
  }),
  defineCliCommand({
    path: ['slack', 'manifest'],
    summary: 'print the Slack app manifest: slash commands, scopes, interactivity, Socket Mode or request URLs',
    options: {
      mode: {
        type: 'string',
        valueName: 'socket|http',
        description: 'how Slack reaches the bot (default chat.slack.mode, else socket)',
      },
      url: { type: 'string', valueName: 'https://…', description: 'HTTP mode: the public base URL of the bot' },
    },
    run: manifest,
  }),
];
