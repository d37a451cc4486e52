import type { types } from '@slack/bolt';
import type { ActionButton, OutgoingMessage, SelectMenu } from '../../chat/chat-port.js';
import { sectionLimit, splitText, toMrkdwn } from './slack-mrkdwn.js';

type Block = types.KnownBlock;
type ActionElement = types.Button | types.StaticSelect | types.MultiStaticSelect;

// Slack allows 50 blocks per message; keep room for the actions block and a truncation note.
const maxSections = 47;

const plain = (text: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: text.slice(0, max),
  emoji: true,
});

function toButton(button: ActionButton): types.Button {
  // Slack has only `primary` (green) and `danger` (red); other styles render as default.
  const style = button.style === 'danger' ? 'danger' : button.style === 'secondary' ? undefined : 'primary';
  return {
    type: 'button',
    action_id: button.id,
    value: button.id,
    text: plain(button.label, 75),
    ...(style === undefined ? {} : { style }),
  };
}

function toSelect(select: SelectMenu): types.StaticSelect | types.MultiStaticSelect {
  const options = select.options.slice(0, 100).map((o): types.PlainTextOption => ({
    text: plain(o.label, 75),
    value: o.value,
    ...(o.description === undefined ? {} : { description: plain(o.description, 75) }),
  }));
  const placeholder = plain(select.placeholder, 150);
  const max = select.maxValues ?? 1;
  return max > 1
    ? { type: 'multi_static_select', action_id: select.id, placeholder, options, max_selected_items: max }
    : { type: 'static_select', action_id: select.id, placeholder, options };
}

/** Enabled buttons and select as one `actions` block (Slack has no disabled state). */
function actionsBlock(message: OutgoingMessage): Block[] {
  const elements: ActionElement[] = (message.buttons ?? []).filter((b) => b.disabled !== true).map(toButton);
  if (message.select !== undefined && message.select.disabled !== true) elements.push(toSelect(message.select));
  const blocks: Block[] =
    elements.length === 0 ? [] : [{ type: 'actions', block_id: 'actions', elements: elements.slice(0, 25) }];
  const disabled = (message.buttons ?? []).filter((b) => b.disabled === true).map((b) => b.label);
  if (disabled.length > 0) blocks.push(contextLine(`${disabled.join(', ')} (no longer available)`));
  return blocks;
}

const contextLine = (text: string): types.ContextBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: toMrkdwn(text) }],
});

/**
 * An `OutgoingMessage` as Block Kit: the text in mrkdwn section blocks of ≤ 3000 characters,
 * then buttons (`action_id` = the custom id) and the select in one actions block.
 * Attachments are not blocks; `SlackChat` uploads them with `files.uploadV2`.
 */
export function toSlackBlocks(message: OutgoingMessage): Block[] {
  const chunks = splitText(toMrkdwn(message.text), sectionLimit);
  const sections: Block[] = chunks
    .slice(0, maxSections)
    .map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
  if (chunks.length > maxSections) sections.push(contextLine('… (truncated: too long for one Slack message)'));
  return [...sections, ...actionsBlock(message)];
}

/** Top-level `text` (notifications, screen readers); Slack wants it even when blocks are sent. */
export function fallbackText(message: OutgoingMessage): string {
  const text = message.text.trim();
  // Button labels too: the top-level text is mrkdwn, where `<!channel>` would notify everyone.
  return text === ''
    ? message.buttons === undefined
      ? ' '
      : toMrkdwn(message.buttons.map((b) => b.label).join(' · '))
    : toMrkdwn(text.slice(0, sectionLimit));
}

/**
 * Slack has no disabled buttons, so "disabling" replaces every actions block with a context line
 * `✔ <labels> — used`, which keeps the record of what was offered while nothing stays clickable.
 */
export function withoutActions(blocks: readonly Block[]): Block[] {
  return blocks.map((block) => {
    if (block.type !== 'actions') return block;
    const labels = block.elements.map((el) => {
      const label = 'text' in el ? el.text : 'placeholder' in el ? el.placeholder : undefined;
      return label?.text ?? '';
    });
    return contextLine(`✔ ${labels.filter((l) => l !== '').join(' / ')} — used`);
  });
}
