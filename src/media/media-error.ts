/**
 * Masks credentials that servers echo in messages (`…/api?t=caps&apikey=abc`, `X-Plex-Token=…`), so
 * server text can be shown in chat.
 */
export function scrubSecrets(text: string): string {
  return text.replace(/((?:api_?key|x-plex-token|token|passkey|password|pass)=)[^&\s"'<>)]+/gi, '$1(removed)');
}
