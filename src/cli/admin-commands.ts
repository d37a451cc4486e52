import { loadConfig } from '../config/load-config.js';
import type { AppConfig } from '../config/schema.js';
import { UserError } from '../errors.js';
import { defineCliCommand, type CliCommand, type CliContext } from './cli-command.js';
import { exitCodes } from './exit-codes.js';

const load = (ctx: CliContext) =>
  loadConfig({ ...(ctx.configPath === undefined ? {} : { path: ctx.configPath }), env: ctx.env });
const say = (ctx: CliContext, text: string): void => {
  ctx.stdout.write(`${text}\n`);
};

/** What the config says, without any secret value. */
export function describeConfig(config: AppConfig): string[] {
  const chats = [
    config.chat.discord === undefined ? undefined : 'discord',
    config.chat.slack === undefined ? undefined : `slack (${config.chat.slack.mode})`,
    'shell',
  ].filter((c) => c !== undefined);
  const byRole = (role: string) =>
    config.people
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join(', ') || 'none';
  const media = Object.keys(config.media ?? {}).filter((k) => k !== 'homeCidrs');
  return [
    `hosts: ${config.hosts.length === 0 ? 'none' : config.hosts.map((h) => `${h.name} (endpoint ${h.endpoint}, ssh ${h.ssh.user}@${h.ssh.host}:${h.ssh.port})`).join('; ')}`,
    `apps repo: ${config.apps === undefined ? 'not configured' : `${config.apps.url ?? config.apps.path ?? '?'} @ ${config.apps.branch}, stacks in ${config.apps.stacksDir}/, forge ${config.apps.forge?.type ?? 'none'}`}`,
    `chat: ${chats.join(', ')}`,
    `people: operators ${byRole('operator')}; family ${byRole('family')}`,
    `media services: ${media.length === 0 ? 'none' : media.join(', ')}`,
    `schedules: ${Object.keys(config.schedules ?? {}).join(', ') || 'none'}`,
    `redis: ${new URL(config.redis.url).host}; http: ${config.http.host}:${config.http.port}`,
  ];
}

async function fetchHealth(url: string): Promise<{ ok: boolean; detail: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(4000) });
    return { ok: res.status === 200, detail: `${res.status} ${await res.text()}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export const adminCommands: readonly CliCommand[] = [
  defineCliCommand({
    path: ['register-commands'],
    summary: 'register the Discord slash commands (guild commands unless --global)',
    options: {
      global: { type: 'boolean', description: 'register global commands (visible everywhere, may take an hour)' },
    },
    run: async (ctx) => {
      const discord = (await load(ctx)).chat.discord;
      if (discord === undefined)
        throw new UserError(
          'no-discord',
          'chat.discord is not configured: add token, applicationId and guildId (see config.example.yaml).',
        );
      const global = ctx.values['global'] === true;
      const [{ registerCommands }, { toDiscordCommands }, { registry }] = await Promise.all([
        import('../bot/discord/register-commands.js'),
        import('../commands/discord-json.js'),
        import('../commands/registry.js'),
      ]);
      const count = await registerCommands({
        token: discord.token,
        applicationId: discord.applicationId,
        commands: toDiscordCommands(registry.commands),
        ...(global ? {} : { guildId: discord.guildId }),
        ...(discord.apiUrl === undefined ? {} : { apiUrl: discord.apiUrl }),
      });
      say(ctx, `Registered ${count} slash command(s) ${global ? 'globally' : `in guild ${discord.guildId}`}.`);
      return exitCodes.ok;
    },
  }),
  defineCliCommand({
    path: ['config', 'check'],
    summary:
      'validate the config: which file, every problem with file:line, placeholders, key and known_hosts files (no secrets)',
    options: {},
    run: async (ctx) => (await import('./config-check.js')).runConfigCheck(ctx, describeConfig),
  }),
  defineCliCommand({
    path: ['healthcheck'],
    summary: "exit 0 when this process's /healthz answers ok (used by the Docker healthcheck)",
    options: {},
    run: async (ctx) => {
      const { http } = await load(ctx);
      const host = http.host === '0.0.0.0' || http.host === '::' ? '127.0.0.1' : http.host;
      const result = await fetchHealth(`http://${host.includes(':') ? `[${host}]` : host}:${http.port}/healthz`);
      (result.ok ? ctx.stdout : ctx.stderr).write(`${result.detail}\n`);
      return result.ok ? exitCodes.ok : exitCodes.failure;
    },
  }),
];
