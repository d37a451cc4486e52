import type { OutgoingMessage } from '../../chat/chat-port.js';

/** Where a shell message lives, as printed: `[#shell]` or `[thread #3]`. */
export const placeLabel = (channelId: string, threadId?: string): string =>
  threadId === undefined ? `[#${channelId}]` : `[thread #${threadId}]`;

const size = (content: string | Uint8Array): number =>
  typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;

/**
 * Renders a message for the terminal: text lines under the place label, attachments as
 * `📎 name (n bytes)` plus their text, buttons as `[n] Label`, a select menu as `[n] Placeholder`
 * with its options numbered `(1) …` (picked by typing `n 1` or `n 1,3`). `number(id, values?)`
 * numbers buttons and menus (a menu passes its option values).
 */
export function formatShellMessage(
  place: string,
  message: OutgoingMessage,
  number: (id: string, values?: readonly string[]) => number,
  note = '',
): string {
  const lines = message.text.split('\n').map((line, i) => (i === 0 ? `${place}${note} ${line}` : `    ${line}`));
  for (const a of message.attachments ?? []) {
    lines.push(`    📎 ${a.filename} (${size(a.content)} bytes)`);
    if (typeof a.content === 'string')
      lines.push(
        ...a.content
          .trimEnd()
          .split('\n')
          .map((l) => `      | ${l}`),
      );
  }
  const buttons = message.buttons ?? [];
  if (buttons.length > 0) {
    lines.push(
      `    ${buttons.map((b) => `[${number(b.id)}] ${b.label}${b.disabled === true ? ' (disabled)' : ''}`).join('  ')}`,
    );
  }
  const select = message.select;
  if (select !== undefined) {
    const n = number(
      select.id,
      select.options.map((o) => o.value),
    );
    const max = select.maxValues ?? 1;
    const how =
      max > 1 ? `type "${String(n)} 1" or "${String(n)} 1,2" (up to ${String(max)})` : `type "${String(n)} 1"`;
    lines.push(`    [${String(n)}] ${select.placeholder}${select.disabled === true ? ' (disabled)' : ''}: ${how}`);
    lines.push(
      ...select.options.map(
        (o, i) => `      (${String(i + 1)}) ${o.label}${o.description === undefined ? '' : ` · ${o.description}`}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
