import type { BlockAction, BlockElementAction, SlashCommand } from '@slack/bolt';
import type { ChatUser, MessageRef } from '../../chat/chat-port.js';
import type { InboundAction, InboundCommand } from '../inbound.js';

const platform = 'slack' as const;

const toUser = (id: string, name?: string): ChatUser => ({
  platform,
  id,
  roleIds: [],
  ...(name === undefined || name === '' ? {} : { displayName: name }),
});

/**
 * A Slack slash command as an `InboundCommand`: `command` without the slash; when the command
 * has sub-commands, the first word of `text` is the `subcommand` and `text` is the rest (the
 * dispatcher parses it with `parseCommandText`). Slack slash commands carry no thread, so
 * `threadId` stays unset and replies start a new thread.
 */
export function toInboundCommand(body: SlashCommand, hasSubcommands: (command: string) => boolean): InboundCommand {
  const command = body.command.replace(/^\//, '').toLowerCase();
  const trimmed = body.text.trim();
  const first = trimmed.split(/\s+/, 1)[0] ?? '';
  const split = first !== '' && hasSubcommands(command);
  return {
    platform,
    command,
    options: {},
    channelId: body.channel_id,
    invocationId: body.trigger_id,
    workspaceId: body.team_id,
    text: split ? trimmed.slice(first.length).trim() : trimmed,
    user: toUser(body.user_id, body.user_name),
    ...(split ? { subcommand: first.toLowerCase() } : {}),
  };
}

/** Values a block action carries: a select's choices; buttons carry none (the id says it all). */
export function selectedValues(action: BlockElementAction): string[] {
  if (action.type === 'static_select') return [action.selected_option.value];
  if (action.type === 'multi_static_select') return action.selected_options.map((o) => o.value);
  return [];
}

/** The clicked message: channel, its ts and, when it sits in a thread, the thread's ts. */
export function clickedMessage(body: BlockAction): MessageRef {
  const container = body.container as { channel_id?: string; message_ts?: string; thread_ts?: string };
  const threadTs = (body.message?.['thread_ts'] as string | undefined) ?? container.thread_ts;
  return {
    platform,
    channelId: body.channel?.id ?? container.channel_id ?? '',
    messageId: body.message?.ts ?? container.message_ts ?? '',
    ...(threadTs === undefined ? {} : { threadId: threadTs }),
  };
}

/** The workspace of a click: `team.id`, else the user's `team_id` (Bolt reads them the same way). */
const teamOf = (body: BlockAction): string | undefined => body.team?.id ?? body.user.team_id;

/** A `block_actions` click or choice as an `InboundAction` (`customId` = the `action_id`). */
export function toInboundAction(body: BlockAction): InboundAction | undefined {
  const action = body.actions[0];
  if (action === undefined) return undefined;
  const team = teamOf(body);
  return {
    platform,
    user: toUser(body.user.id, body.user.username),
    customId: action.action_id,
    values: selectedValues(action),
    message: clickedMessage(body),
    invocationId: body.trigger_id,
    ...(team === undefined ? {} : { workspaceId: team }),
  };
}
