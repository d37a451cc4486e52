import { interpolate, type InterpolationEnv } from './interpolate.js';

/** Parsed `.env` contents, plus lines that could not be parsed (1-based line and reason). */
export interface DotenvResult {
  readonly values: Map<string, string>;
  readonly errors: readonly { readonly line: number; readonly error: string }[];
}

const KEY_LINE = /^(?:export\s+)?([A-Za-z0-9_.\-[\]]+)\s*(?:([=:])\s?(.*))?$/s;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', $: '$$' };

/** Finds the closing quote of a value that may span lines; returns [value, linesConsumed]. */
function quoted(lines: readonly string[], start: number, first: string, quote: string): [string, number] | undefined {
  let text = first.slice(1);
  for (let i = start; i < lines.length; i++) {
    let j = 0;
    while (j < text.length) {
      if (quote === '"' && text[j] === '\\') j += 2;
      else if (text[j] === quote) return [text.slice(0, j), i - start + 1];
      else j++;
    }
    text += `\n${lines[i + 1] ?? ''}`;
    if (i + 1 >= lines.length) return undefined;
  }
  return undefined;
}

/** Double-quoted escapes; `\$` becomes `$$` so that interpolation leaves a literal `$`. */
const unescapeDouble = (raw: string): string => raw.replace(/\\(.)/gs, (m, c: string) => ESCAPES[c] ?? m);

const unquotedValue = (raw: string): string => {
  const hash = raw.search(/\s#/);
  return (hash === -1 ? raw : raw.slice(0, hash)).trimEnd();
};

/** The value starting on line `i`: literal for `'…'`, unescaped for `"…"`, comment-stripped otherwise. */
function readValue(
  lines: readonly string[],
  i: number,
  raw: string,
): { value: string; literal: boolean; consumed: number } | undefined {
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : undefined;
  if (quote === undefined) return { value: unquotedValue(raw), literal: false, consumed: 1 };
  const q = quoted(lines, i, raw, quote);
  if (q === undefined) return undefined;
  return { value: quote === "'" ? q[0] : unescapeDouble(q[0]), literal: quote === "'", consumed: q[1] };
}

/**
 * Compose-go dotenv semantics (design §2.2): `export ` prefix, `KEY=v`, `KEY: v`, bare `KEY`
 * (inherited from `osEnv`), inline ` #` comments on unquoted values, literal `'…'`, escaped and
 * interpolated `"…"`. Interpolation looks up `osEnv` first, then keys defined earlier.
 */
export function parseDotenv(
  text: string,
  osEnv: InterpolationEnv = { values: new Map(), complete: false },
): DotenvResult {
  const values = new Map<string, string>();
  const errors: { line: number; error: string }[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const scope = (): InterpolationEnv => ({ values: new Map([...values, ...osEnv.values]), complete: osEnv.complete });
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = KEY_LINE.exec(line);
    if (m === null) {
      errors.push({ line: i + 1, error: `unexpected character in "${line.slice(0, 40)}"` });
      continue;
    }
    const key = m[1] ?? '';
    if (m[2] === undefined) {
      const inherited = osEnv.values.get(key);
      if (inherited !== undefined) values.set(key, inherited);
      continue;
    }
    const read = readValue(lines, i, (m[3] ?? '').trimStart());
    if (read === undefined) {
      errors.push({ line: i + 1, error: `unterminated quoted value for ${key}` });
      break;
    }
    i += read.consumed - 1;
    if (read.literal) {
      values.set(key, read.value);
      continue;
    }
    const value = read.value;
    const r = interpolate(value, scope());
    if (r.ok) values.set(key, r.value);
    else errors.push({ line: i + 1, error: r.error });
  }
  return { values, errors };
}
