import { redactAssignments } from '../secrets/redact-text.js';

/**
 * Masks credentials that servers echo in messages (`…/api?t=caps&apikey=abc`, `X-Plex-Token=…`), so
 * server text can be shown in chat.
 */
export function scrubSecrets(text: string): string {
  return redactAssignments(text, '(removed)');
}
