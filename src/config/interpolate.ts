import { isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import { formatPath } from './config-problem.js';
import { isSecretName } from '../secrets/secret-names.js';

/** Looks up a variable; `undefined` means unset. */
export type EnvLookup = (name: string) => string | undefined;

/** Result of interpolating one text: the value, or the reasons it could not be built. */
export interface InterpolatedText {
  readonly value: string;
  readonly problems: readonly { readonly name?: string; readonly message: string }[];
  /** Names of the variables that were substituted. */
  readonly names: readonly string[];
}

const reference = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])(.*))?$/s;

function resolve(inner: string, lookup: EnvLookup): { value: string; name?: string; problem?: string } {
  const match = reference.exec(inner);
  if (match === null)
    return { value: '', problem: `malformed reference \${${inner}}: expected \${NAME} or \${NAME:-default}` };
  const [, name = '', operator, word = ''] = match;
  const raw = lookup(name);
  const absent = raw === undefined || (operator?.startsWith(':') === true && raw === '');
  if (!absent) return { value: raw, name };
  if (operator?.endsWith('-') === true) return { value: word, name };
  const hint = operator?.endsWith('?') === true && word !== '' ? `: ${word}` : '';
  return {
    value: '',
    name,
    problem: `environment variable ${name} is not set${hint} (set it in the environment or .env, or write \${${name}:-default})`,
  };
}

/**
 * Replaces `${NAME}`, `${NAME:-default}` (unset or empty), `${NAME-default}` (unset),
 * `${NAME:?message}` and `${NAME?message}` in `text`. `$$` is a literal `$` (so `$${X}` is the
 * literal text `${X}`); any other `$` is kept as written. Substituted values are not re-scanned.
 */
export function interpolateText(text: string, lookup: EnvLookup): InterpolatedText {
  let value = '';
  const problems: { name?: string; message: string }[] = [];
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    const next = text.indexOf('$', i);
    if (next < 0) break;
    value += text.slice(i, next);
    const marker = text.charAt(next + 1);
    const close = marker === '{' ? text.indexOf('}', next + 2) : -1;
    if (marker === '$') {
      value += '$';
      i = next + 2;
    } else if (marker === '{' && close < 0) {
      problems.push({ message: 'unclosed ${ — write $${ for a literal ${' });
      value += text.slice(next);
      i = text.length;
    } else if (marker === '{') {
      const part = resolve(text.slice(next + 2, close), lookup);
      value += part.value;
      if (part.name !== undefined) names.push(part.name);
      if (part.problem !== undefined)
        problems.push(part.name === undefined ? { message: part.problem } : { name: part.name, message: part.problem });
      i = close + 1;
    } else {
      value += '$';
      i = next + 1;
    }
  }
  return { value: value + text.slice(i), problems, names };
}

/** An interpolation failure at a YAML value, with the data path and source offset for error messages. */
export interface InterpolationProblem {
  readonly path: readonly (string | number)[];
  readonly offset: number;
  readonly message: string;
}

function dataPath(chain: readonly unknown[]): (string | number)[] {
  const path: (string | number)[] = [];
  chain.forEach((parent, index) => {
    const child = chain[index + 1];
    if (child === undefined) return;
    if (isPair(parent) && parent.value === child)
      path.push(isScalar(parent.key) ? String(parent.key.value) : String(parent.key));
    else if (isSeq(parent)) path.push(parent.items.indexOf(child));
  });
  return path;
}

/** Problems found while interpolating, and the values that now hold secrets from secret-named variables. */
export interface InterpolationReport {
  readonly problems: InterpolationProblem[];
  /** Formatted paths (`hosts[0].ssh.host`) whose value came from a secret-named variable: never echo them. */
  readonly secretPaths: Set<string>;
}

/**
 * Interpolates every string **value** scalar of a parsed YAML document in place (keys are left
 * alone). Working on scalars, not raw text, means a secret containing `:`, `#` or quotes cannot
 * change the YAML structure. `source` is the document text, used to point at the `${` itself.
 */
export function interpolateDocument(doc: Document, lookup: EnvLookup, source = ''): InterpolationReport {
  const report: InterpolationReport = { problems: [], secretPaths: new Set() };
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('$')) return;
      const result = interpolateText(node.value, lookup);
      node.value = result.value;
      const path = dataPath([...ancestors, node]);
      if (result.names.some(isSecretName)) report.secretPaths.add(formatPath(path));
      const [start = 0, end = start] = node.range ?? [];
      for (const problem of result.problems) {
        const at = problem.name === undefined ? -1 : source.slice(start, end).indexOf(`\${${problem.name}`);
        report.problems.push({ path, offset: at < 0 ? start : start + at, message: problem.message });
      }
    },
  });
  return report;
}
