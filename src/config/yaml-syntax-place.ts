/** Where a YAML syntax error really is, as a 1-based line and column, with a plainer message. */
export interface SyntaxPlace {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** The parser's view of one error: code, message and the source offsets it points at. */
export interface RawSyntaxError {
  readonly code: string;
  readonly message: string;
  readonly pos: readonly [number, number];
}

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isContent = (line: string | undefined): line is string =>
  line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('#');

/** The nearest content line at or above `index` (0-based), for errors reported where a construct ended. */
function previousContent(lines: readonly string[], index: number): number {
  for (let i = index; i >= 0; i -= 1) if (isContent(lines[i])) return i;
  return index;
}

/** The first content line after 1-based line `line`, as a 0-based index. */
function nextContent(lines: readonly string[], line: number): number | undefined {
  for (let i = line; i < lines.length; i += 1) if (isContent(lines[i])) return i;
  return undefined;
}

/** Last line at or above `index` whose `open` is not closed on it (an unclosed [, { or quote). */
function unclosedAbove(lines: readonly string[], index: number, open: string, close: string): number | undefined {
  for (let i = index; i >= 0; i -= 1) {
    const line = lines[i] ?? '';
    const opened = line.split(open).length - 1;
    const closed = open === close ? 0 : line.split(close).length - 1;
    if (open === close ? opened % 2 === 1 : opened > closed) return i;
  }
  return undefined;
}

/**
 * The yaml library reports some mistakes where it noticed them rather than where they are:
 * a line indented too deep at the end of the line above it, an unclosed `[`, `{` or quote on the
 * line after it, and misaligned keys at column 1. This moves each to the line and column to fix.
 */
export function placeSyntaxError(
  text: string,
  error: RawSyntaxError,
  linePos: (offset: number) => { line: number; col: number },
): SyntaxPlace {
  const lines = text.split('\n');
  const start = linePos(error.pos[0]);
  const first = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code;
  const next = nextContent(lines, start.line);
  const deeper = next !== undefined && indentOf(lines[next] ?? '') > indentOf(lines[start.line - 1] ?? '');
  if ((error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') && deeper) {
    const line = lines[next] ?? '';
    return {
      line: next + 1,
      col: indentOf(line) + 1,
      message: `this line is indented deeper than the key on line ${String(start.line)} above it; line it up with that key, or nest it under a key that ends with ":"`,
    };
  }
  const unclosed = /closing "quote/.test(first)
    ? unclosedAbove(lines, start.line - 2, '"', '"')
    : /closing '?quote/.test(first)
      ? unclosedAbove(lines, start.line - 2, "'", "'")
      : /Flow sequence/.test(first)
        ? unclosedAbove(lines, start.line - 2, '[', ']')
        : /Flow mapping/.test(first)
          ? unclosedAbove(lines, start.line - 2, '{', '}')
          : undefined;
  if (unclosed !== undefined) {
    const line = lines[unclosed] ?? '';
    return { line: unclosed + 1, col: indentOf(line) + 1, message: `${first} (opened on this line and never closed)` };
  }
  if (start.col === 1 && isContent(lines[start.line - 1])) {
    const line = lines[start.line - 1] ?? '';
    const above = previousContent(lines, start.line - 2);
    const hint =
      error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR'
        ? `; "${line.trim()}" starts at column ${String(indentOf(line) + 1)}, the line above at column ${String(indentOf(lines[above] ?? '') + 1)}`
        : '';
    return { line: start.line, col: indentOf(line) + 1, message: `${first}${hint}` };
  }
  return { line: start.line, col: start.col, message: first };
}
