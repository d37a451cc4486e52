import { UserError } from '../../../src/errors.js';
import type { ChatPort, MessageRef } from '../../../src/chat/chat-port.js';
import type { InboundAction, InboundCommand, InboundHandler, Responder } from '../../../src/bot/inbound.js';

/** What the demo handler saw and did, for assertions. */
export interface DemoHandler extends InboundHandler {
  readonly commands: InboundCommand[];
  readonly actions: InboundAction[];
  /** The result message posted into the thread by `/drift audit`, once posted. */
  readonly results: MessageRef[];
  /** Lets a pending `/slow` command finish (it waits for this, to prove the ack came first). */
  release(): void;
}

/**
 * A stand-in for the dispatcher until CORE's lands: `/drift audit` replies publicly, threads
 * on the reply and posts a result with an attachment, a button and a select; `/boom` throws a
 * UserError; a click on a single-use button runs once (disables the buttons, posts "done"),
 * later clicks are refused privately. `notify` runs after each recorded step (wake `waitFor`).
 */
export function demoHandler(chat: ChatPort, notify: () => void = () => undefined): DemoHandler {
  const commands: InboundCommand[] = [];
  const actions: InboundAction[] = [];
  const results: MessageRef[] = [];
  const used = new Set<string>();
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const onCommand = async (command: InboundCommand, responder: Responder): Promise<void> => {
    commands.push(command);
    if (command.command === 'boom') throw new UserError('not-allowed', 'You may not <boom> here.');
    if (command.command === 'ping') return responder.replyPrivately('pong');
    if (command.command === 'slow') {
      await gate;
      return responder.replyPrivately('slow done');
    }
    const root = await responder.replyPublicly({
      text: `🔄 **drift ${command.subcommand ?? ''}** ${command.text ?? ''}`,
    });
    const thread = await chat.openThreadOn(root, 'drift audit');
    const posted = await chat.post(thread, {
      text: '⚠️ **1 service drifted**\n`pihole`: image differs',
      attachments: [
        {
          filename: 'drift.diff',
          content: '--- desired\n+++ actual\n-image: pihole:1\n+image: pihole:2\n',
          contentType: 'text/x-diff',
        },
      ],
      buttons: [
        { id: 'act:open-pr-1', label: 'Open PR', style: 'primary' },
        { id: 'act:ignore-1', label: 'Ignore', style: 'secondary' },
      ],
      select: {
        id: 'act:pick-1',
        placeholder: 'Pick hosts',
        options: [
          { label: 'a', value: 'a' },
          { label: 'b', value: 'b' },
        ],
        maxValues: 2,
      },
    });
    results.push(posted);
    notify();
  };
  const onAction = async (action: InboundAction, responder: Responder): Promise<void> => {
    actions.push(action);
    if (!action.customId.startsWith('act:open-pr-') && !action.customId.startsWith('act:pick-')) {
      return responder.replyPrivately('This button is not valid (unknown or forged id).');
    }
    if (action.customId.startsWith('act:pick-')) return responder.replyPrivately(`picked ${action.values.join(',')}`);
    if (used.has(action.customId)) return responder.replyPrivately('Already used.');
    used.add(action.customId);
    await chat.disableActions(action.message);
    await responder.replyPublicly({ text: `✅ PR opened by ${action.user.id}` });
  };
  return {
    commands,
    actions,
    results,
    received: () => Promise.resolve(),
    abandoned: () => Promise.resolve(),
    onCommand,
    onAction,
    release: () => {
      release();
    },
  };
}
