import type { InboundCommand } from '../inbound.js';

/** A raw option of an APPLICATION_COMMAND (sub-command groups and sub-commands nest). */
interface RawOption {
  readonly name?: unknown;
  readonly type?: unknown;
  readonly value?: unknown;
  readonly options?: readonly RawOption[];
}

/** The fields of a raw chat-input `INTERACTION_CREATE` payload `toRawCommand` reads. */
export interface RawCommandInteraction {
  readonly id?: unknown;
  readonly type?: unknown;
  readonly guild_id?: unknown;
  readonly channel_id?: unknown;
  readonly channel?: { readonly id?: unknown; readonly type?: unknown; readonly parent_id?: unknown };
  readonly member?: { readonly roles?: unknown; readonly user?: RawUser };
  readonly user?: RawUser;
  readonly data?: { readonly type?: unknown; readonly name?: unknown; readonly options?: readonly RawOption[] };
}

interface RawUser {
  readonly id?: unknown;
  readonly username?: unknown;
  readonly global_name?: unknown;
}

/** Channel types of threads (announcement, public, private). */
const threadTypes = new Set([10, 11, 12]);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function leafOptions(options: readonly RawOption[] | undefined, out: Record<string, string | number | boolean>): void {
  for (const o of options ?? []) {
    const name = str(o.name);
    if (o.options !== undefined) leafOptions(o.options, out);
    else if (name !== undefined && ['string', 'number', 'boolean'].includes(typeof o.value))
      out[name] = o.value as string | number | boolean;
  }
}

/** The innermost sub-command name (type 1), through a group (type 2) when there is one. */
function subcommandOf(options: readonly RawOption[] | undefined): string | undefined {
  for (const o of options ?? []) {
    if (o.type === 1) return str(o.name);
    if (o.type === 2) return subcommandOf(o.options);
  }
  return undefined;
}

/**
 * The `InboundCommand` of a raw chat-input interaction, read straight from the gateway packet
 * (before discord.js builds its structures) so it can be saved as an intent before the ack.
 * Mirrors `toInboundCommand`; undefined for anything else or a packet missing a field.
 */
export function toRawCommand(d: RawCommandInteraction): InboundCommand | undefined {
  const id = str(d.id);
  const name = str(d.data?.name);
  const rawUser = d.member?.user ?? d.user;
  const userId = str(rawUser?.id);
  const channelId = str(d.channel_id) ?? str(d.channel?.id);
  if (d.type !== 2 || d.data?.type !== 1 || id === undefined || name === undefined) return undefined;
  if (userId === undefined || channelId === undefined) return undefined;
  const roles = Array.isArray(d.member?.roles) ? d.member.roles.filter((r): r is string => typeof r === 'string') : [];
  const displayName = str(rawUser?.global_name) ?? str(rawUser?.username);
  const parent = str(d.channel?.parent_id);
  const inThread = typeof d.channel?.type === 'number' && threadTypes.has(d.channel.type) && parent !== undefined;
  const options: Record<string, string | number | boolean> = {};
  leafOptions(d.data.options, options);
  const subcommand = subcommandOf(d.data.options);
  const guildId = str(d.guild_id);
  return {
    platform: 'discord',
    user: { platform: 'discord', id: userId, roleIds: roles, ...(displayName === undefined ? {} : { displayName }) },
    command: name,
    ...(subcommand === undefined ? {} : { subcommand }),
    options,
    ...(inThread ? { channelId: parent, threadId: channelId } : { channelId }),
    invocationId: id,
    ...(guildId === undefined ? {} : { workspaceId: guildId }),
  };
}
