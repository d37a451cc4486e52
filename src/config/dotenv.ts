import { readFile } from 'node:fs/promises';

/** A line of a `.env` file that could not be read. Never carries the value. */
export interface DotenvProblem {
  readonly line: number;
  readonly message: string;
}

/** Variables read from one `.env` text, plus the lines that were not understood. */
export interface DotenvResult {
  readonly values: Record<string, string>;
  readonly problems: DotenvProblem[];
}

const assignment = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/;
const escapes: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };

/** Index of the closing quote in `text` from `start`, honouring `\` escapes inside double quotes. */
function closingQuote(text: string, start: number, quote: string): number {
  for (let i = start; i < text.length; i += 1) {
    if (quote === '"' && text[i] === '\\') i += 1;
    else if (text[i] === quote) return i;
  }
  return -1;
}

function unescapeDouble(body: string): string {
  return body.replace(/\\(.)/gs, (_whole, ch: string) => escapes[ch] ?? ch);
}

interface QuotedValue {
  readonly value?: string;
  readonly nextLine: number;
  readonly error?: string;
}

/** Reads a quoted value that may continue over following lines (PEM keys). */
function readQuoted(lines: readonly string[], index: number, rest: string): QuotedValue {
  const quote = rest.charAt(0);
  let text = rest.slice(1);
  let last = index;
  let end = closingQuote(text, 0, quote);
  while (end < 0 && last + 1 < lines.length) {
    last += 1;
    text += `\n${lines[last] ?? ''}`;
    end = closingQuote(text, 0, quote);
  }
  if (end < 0) return { nextLine: last + 1, error: `missing closing ${quote}` };
  const trailing = text.slice(end + 1).trim();
  if (trailing !== '' && !trailing.startsWith('#')) {
    return { nextLine: last + 1, error: 'unexpected text after the closing quote' };
  }
  const body = text.slice(0, end);
  return { value: quote === '"' ? unescapeDouble(body) : body, nextLine: last + 1 };
}

/**
 * Parses `.env` text: `KEY=value`, `export KEY=value`, single or double quotes (double quotes
 * understand `\n`, `\t`, `\"`, `\\` and may span lines), full-line comments, and inline comments
 * after whitespace (`KEY=a#b` keeps `a#b`, so unquoted passwords with `#` survive).
 * Values are taken literally: no `${VAR}` expansion inside `.env`.
 */
export function parseDotenv(text: string): DotenvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const values: Record<string, string> = {};
  const problems: DotenvProblem[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = (lines[index] ?? '').trim();
    const match = assignment.exec(line);
    if (line === '' || line.startsWith('#')) index += 1;
    else if (match === null) {
      problems.push({ line: index + 1, message: 'expected KEY=value (optionally prefixed by export)' });
      index += 1;
    } else {
      const [, key = '', rest = ''] = match;
      const quoted = rest.startsWith('"') || rest.startsWith("'") ? readQuoted(lines, index, rest) : undefined;
      const value = quoted === undefined ? rest.replace(/\s+#.*$/, '').trim() : quoted.value;
      if (quoted?.error !== undefined) problems.push({ line: index + 1, message: `${key}: ${quoted.error}` });
      if (value !== undefined) values[key] = value;
      index = quoted?.nextLine ?? index + 1;
    }
  }
  return { values, problems };
}

/** A problem in a named `.env` file. */
export interface DotenvFileProblem extends DotenvProblem {
  readonly file: string;
}

/**
 * Reads `.env` files in order; a later file's variables override an earlier one's. Missing
 * files are skipped. Returns the merged variables (never logged) and any problems.
 */
export async function readDotenvFiles(
  files: readonly string[],
): Promise<{ values: Record<string, string>; problems: DotenvFileProblem[] }> {
  const values: Record<string, string> = {};
  const problems: DotenvFileProblem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      problems.push({ file, line: 0, message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    const parsed = parseDotenv(text);
    Object.assign(values, parsed.values);
    problems.push(...parsed.problems.map((p) => ({ file, ...p })));
  }
  return { values, problems };
}
