import { UserError } from '../errors.js';

/**
 * Splits command text into tokens, honouring double quotes (`"Schindler's List"`),
 * single quotes and curly quotes as Slack/phones send them. `key:"a b"` stays one token.
 */
export function tokenize(text: string): string[] {
  const normalized = text.replace(/[\u201C\u201D]/g, '"');
  const tokens: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (const ch of normalized) {
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || (ch === "'" && current === '') || (ch === "'" && current.endsWith(':'))) {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote !== undefined) throw new UserError('unterminated-quote', `Unterminated ${quote} quote in: ${text}`);
  if (started) tokens.push(current);
  return tokens;
}
