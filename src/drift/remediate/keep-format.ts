import { editScript } from '../unified-diff.js';

/**
 * Re-applies the author's formatting to lines an edit did not touch. The YAML library re-prints a
 * whole document (comment spacing, for one); `normalized` is the untouched document re-printed the
 * same way, so when it has as many lines as `original` the two match line by line, and every line
 * the edit kept is taken from `original`. Otherwise `edited` is returned as is.
 */
export function keepFormat(original: string, normalized: string, edited: string): string {
  const originalLines = original.split('\n');
  const normalizedLines = normalized.split('\n');
  if (originalLines.length !== normalizedLines.length) return edited;
  const out: string[] = [];
  let i = 0;
  for (const [kind, line] of editScript(normalizedLines, edited.split('\n'))) {
    if (kind === ' ') out.push(originalLines[i++] ?? line);
    else if (kind === '-') i++;
    else out.push(line);
  }
  return out.join('\n');
}
