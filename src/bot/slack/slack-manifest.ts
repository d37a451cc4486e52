import type { CommandDefinition } from '../../commands/define-command.js';
import { commandOptionSpecs } from '../../commands/option-specs.js';
import { neededSlackScopes } from './slack-scopes.js';

/** How Slack reaches the bot: Socket Mode (no inbound port) or HTTP request URLs under `baseUrl`. */
export type SlackManifestMode = { readonly mode: 'socket' } | { readonly mode: 'http'; readonly baseUrl: string };

/** Bolt's default events path: slash commands, interactivity and events all arrive there. */
const eventsPath = '/slack/events';

interface SlashCommandManifest {
  readonly command: string;
  readonly description: string;
  readonly usage_hint?: string;
  readonly should_escape: false;
  readonly url?: string;
}

const hintFor = (d: CommandDefinition): string => {
  const options = commandOptionSpecs(d).map((o) => (o.required ? `${o.name}:<${o.type}>` : `[${o.name}:<${o.type}>]`));
  return [d.subcommand, ...options].filter((p) => p !== undefined).join(' ');
};

/** One Slack slash command per top-level command; sub-commands go into the description and hint. */
function slashCommands(commands: readonly CommandDefinition[], url: string | undefined): SlashCommandManifest[] {
  const groups = new Map<string, CommandDefinition[]>();
  for (const d of commands) groups.set(d.command, [...(groups.get(d.command) ?? []), d]);
  return [...groups].map(([command, defs]) => {
    const single = defs.length === 1 && defs[0]?.subcommand === undefined ? defs[0] : undefined;
    const description =
      single?.description ??
      `${defs.map((d) => d.subcommand ?? '').join(' | ')}: ${defs.map((d) => d.description).join('; ')}`;
    const hint = defs
      .map(hintFor)
      .filter((h) => h !== '')
      .join(' | ');
    return {
      command: `/${command}`,
      description: description.slice(0, 2000),
      should_escape: false,
      ...(hint === '' ? {} : { usage_hint: hint.slice(0, 1000) }),
      ...(url === undefined ? {} : { url }),
    };
  });
}

/**
 * The Slack app manifest (paste into api.slack.com/apps → Create New App → From a manifest):
 * the registry's slash commands, the bot scopes the code calls, interactivity for buttons and
 * menus, and Socket Mode or HTTP request URLs.
 */
export function slackManifest(
  commands: readonly CommandDefinition[],
  how: SlackManifestMode,
  name = 'homelab-bot',
): Record<string, unknown> {
  const url = how.mode === 'http' ? `${how.baseUrl.replace(/\/+$/, '')}${eventsPath}` : undefined;
  return {
    display_information: {
      name,
      description: 'Chat-ops for a docker-compose homelab: drift audits, media health, remediation PRs and requests.',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: slashCommands(commands, url),
    },
    oauth_config: { scopes: { bot: neededSlackScopes() } },
    settings: {
      interactivity: { is_enabled: true, ...(url === undefined ? {} : { request_url: url }) },
      org_deploy_enabled: false,
      socket_mode_enabled: how.mode === 'socket',
      token_rotation_enabled: false,
    },
  };
}
