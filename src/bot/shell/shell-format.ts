import type { OutgoingMessage } from '../chat-port.js';

/** Where a shell message lives, as printed: `[#shell]` or `[thread #3]`. */
export const placeLabel = (channelId: string, threadId?: string): string =>
  threadId === undefined ? `[#${channelId}]` : `[thread #${threadId}]`;

const size = (content: string | Uint8Array): number =>
  typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;

/**
 * Renders a message for the terminal: text lines under the place label, attachments as
 * `📎 name (n bytes)` plus their text, buttons as `[n] Label`. `number(id)` numbers buttons.
 */
export function formatShellMessage(place: string, message: OutgoingMessage, number: (buttonId: string) => number, note = ''): string {
  const lines = message.text.split('\n').map((line, i) => (i === 0 ? `${place}${note} ${line}` : `    ${line}`));
  for (const a of message.attachments ?? []) {
    lines.push(`    📎 ${a.filename} (${size(a.content)} bytes)`);
    if (typeof a.content === 'string') lines.push(...a.content.trimEnd().split('\n').map((l) => `      | ${l}`));
  }
  const buttons = message.buttons ?? [];
  if (buttons.length > 0) {
    lines.push(`    ${buttons.map((b) => `[${number(b.id)}] ${b.label}${b.disabled === true ? ' (disabled)' : ''}`).join('  ')}`);
  }
  if (message.select !== undefined) {
    lines.push(`    ${message.select.placeholder}: ${message.select.options.map((o) => o.value).join(' | ')}`);
  }
  return `${lines.join('\n')}\n`;
}
