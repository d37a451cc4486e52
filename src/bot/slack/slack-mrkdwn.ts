/** Slack's limit for the text of one section block. */
export const sectionLimit = 3000;

/**
 * Platform-neutral text → Slack mrkdwn: escapes `&`, `<`, `>` (so output can never form
 * `<!channel>` or links) and turns `**bold**` into Slack's `*bold*`.
 */
export function toMrkdwn(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/\*\*(.+?)\*\*/g, '*$1*');
}

/** Splits text into chunks of at most `limit` characters, preferring line breaks. */
export function splitText(text: string, limit = sectionLimit): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = rest.lastIndexOf('\n', limit);
    const at = cut > 0 ? cut : limit;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(cut > 0 ? at + 1 : at);
  }
  if (rest.trim().length > 0) chunks.push(rest);
  return chunks;
}
