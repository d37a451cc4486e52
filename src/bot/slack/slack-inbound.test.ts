import type { BlockAction, SlashCommand } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { toInboundAction, toInboundCommand } from './slack-inbound.js';

const slash = (command: string, text: string): SlashCommand => ({
  token: 'legacy',
  command,
  text,
  response_url: 'http://127.0.0.1/r',
  trigger_id: 'trig-1',
  user_id: 'U1',
  user_name: 'alice',
  team_id: 'T1',
  team_domain: 'fake',
  channel_id: 'C1',
  channel_name: 'ops',
  api_app_id: 'A1',
});

describe('toInboundCommand', () => {
  it('takes the first word as the sub-command when the command has sub-commands', () => {
    const cmd = toInboundCommand(slash('/drift', '  Audit   host:x  force:true '), (c) => c === 'drift');
    expect(cmd).toMatchObject({
      command: 'drift',
      subcommand: 'audit',
      text: 'host:x  force:true',
      channelId: 'C1',
      invocationId: 'trig-1',
    });
    expect(cmd.threadId).toBeUndefined();
  });

  it('keeps the whole text for a flat command', () => {
    const cmd = toInboundCommand(slash('/request', 'movie Alien'), () => false);
    expect(cmd.subcommand).toBeUndefined();
    expect(cmd.text).toBe('movie Alien');
  });

  it('has no sub-command for an empty text', () => {
    expect(toInboundCommand(slash('/drift', ''), () => true).subcommand).toBeUndefined();
  });
});

const click = (extra: Partial<BlockAction>): BlockAction => ({
  type: 'block_actions',
  team: { id: 'T1', domain: 'fake' },
  user: { id: 'U2', username: 'bob' },
  token: 'legacy',
  response_url: 'http://127.0.0.1/r',
  trigger_id: 'trig-2',
  api_app_id: 'A1',
  container: { type: 'message', message_ts: '100.000001', channel_id: 'C1' },
  actions: [
    { type: 'button', action_id: 'act:x', block_id: 'b', text: { type: 'plain_text', text: 'Go' }, action_ts: '1' },
  ],
  ...extra,
});

describe('toInboundAction', () => {
  it('maps a button in a thread to the custom id and the message with its thread', () => {
    const action = toInboundAction(
      click({
        channel: { id: 'C1', name: 'ops' },
        message: { type: 'message', ts: '100.000001', thread_ts: '99.000001' },
      }),
    );
    expect(action).toMatchObject({
      customId: 'act:x',
      values: [],
      user: { id: 'U2', displayName: 'bob' },
      message: { channelId: 'C1', messageId: '100.000001', threadId: '99.000001' },
      invocationId: 'trig-2',
    });
  });

  it('falls back to the container for an ephemeral message', () => {
    expect(toInboundAction(click({}))?.message).toEqual({
      platform: 'slack',
      channelId: 'C1',
      messageId: '100.000001',
    });
  });

  it('hands multi-select choices over as values', () => {
    const action = toInboundAction(
      click({
        actions: [
          {
            type: 'multi_static_select',
            action_id: 'act:m',
            block_id: 'b',
            action_ts: '1',
            selected_options: [
              { text: { type: 'plain_text', text: 'A' }, value: 'a' },
              { text: { type: 'plain_text', text: 'B' }, value: 'b' },
            ],
          },
        ],
      }),
    );
    expect(action?.values).toEqual(['a', 'b']);
  });
});
