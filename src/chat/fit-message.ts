import type { Attachment, OutgoingMessage, Platform } from './chat-port.js';
import { textLimits } from './text-limits.js';

// Room kept for the "… full output attached" line and adapter decorations.
const reserve = 120;

/**
 * Returns the message unchanged when it fits; otherwise keeps whole leading lines that fit,
 * adds "… full output attached as <file>" and attaches the full text.
 */
export function fitMessage(message: OutgoingMessage, platform: Platform, filename = 'output.txt'): OutgoingMessage {
  const limit = textLimits[platform];
  if (message.text.length <= limit) return message;
  const budget = limit - reserve;
  const kept: string[] = [];
  let used = 0;
  for (const line of message.text.split('\n')) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  const head = kept.length > 0 ? kept.join('\n') : message.text.slice(0, budget);
  const full: Attachment = { filename, content: message.text, contentType: 'text/plain' };
  return {
    ...message,
    text: `${head}\n… full output attached as ${filename}`,
    attachments: [full, ...(message.attachments ?? [])],
  };
}
