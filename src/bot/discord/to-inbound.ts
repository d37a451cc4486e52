import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
  Interaction,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { ChatUser, MessageRef } from '../../chat/chat-port.js';
import type { InboundAction, InboundCommand } from '../inbound.js';

/** Role ids of the invoking member: a cached GuildMember or the raw API member. */
export function memberRoleIds(member: Interaction['member']): string[] {
  if (member === null) return [];
  const roles = member.roles;
  // discord.js adds @everyone (id = guild id) to the cache; Discord's member.roles never lists it.
  return Array.isArray(roles)
    ? [...roles]
    : [...roles.cache.keys()].filter((id) => !('guild' in member) || id !== member.guild.id);
}

export function toChatUser(i: Interaction): ChatUser {
  return {
    platform: 'discord',
    id: i.user.id,
    roleIds: memberRoleIds(i.member),
    displayName: i.user.globalName ?? i.user.username,
  };
}

/** Leaf option values, flattened across sub-command groups and sub-commands. */
export function flattenOptions(
  options: readonly CommandInteractionOption[],
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const o of options) {
    if (o.options !== undefined) Object.assign(out, flattenOptions(o.options));
    else if (o.value !== undefined) out[o.name] = o.value;
  }
  return out;
}

/** Where the interaction happened: the parent channel plus the thread when it was in one. */
export function locate(i: Interaction): { channelId: string; threadId?: string } {
  const channel = i.channel;
  if (channel?.isThread() === true) return { channelId: channel.parentId ?? channel.id, threadId: channel.id };
  return { channelId: i.channelId ?? '' };
}

/** The guild the interaction came from; none in DMs. */
const workspace = (i: Interaction): { workspaceId?: string } => (i.guildId === null ? {} : { workspaceId: i.guildId });

export function toInboundCommand(i: ChatInputCommandInteraction): InboundCommand {
  const subcommand = i.options.getSubcommand(false);
  return {
    platform: 'discord',
    user: toChatUser(i),
    command: i.commandName,
    ...(subcommand === null ? {} : { subcommand }),
    options: flattenOptions(i.options.data),
    ...locate(i),
    invocationId: i.id,
    ...workspace(i),
  };
}

/** The clicked message: in a thread it lives in the thread channel. */
export function clickedMessage(i: ButtonInteraction | StringSelectMenuInteraction): MessageRef {
  const where = locate(i);
  return {
    platform: 'discord',
    channelId: where.channelId,
    messageId: i.message.id,
    ...(where.threadId === undefined ? {} : { threadId: where.threadId }),
  };
}

export function toInboundAction(i: ButtonInteraction | StringSelectMenuInteraction): InboundAction {
  return {
    platform: 'discord',
    user: toChatUser(i),
    customId: i.customId,
    values: i.isStringSelectMenu() ? [...i.values] : [],
    message: clickedMessage(i),
    invocationId: i.id,
    ...workspace(i),
  };
}
