import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { formatPath, type ConfigProblem } from './config-problem.js';
import { acceptedKeysPrefix } from './primitives.js';
import { isSecretName } from '../secrets/secret-names.js';
import { locate } from './yaml-locate.js';

/** What the converter needs to place and describe zod issues. */
export interface IssueContext {
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** The interpolated data that was validated, to show what was found. */
  readonly data: unknown;
  /** Paths (formatted) that already have a problem, e.g. a missing env var; issues there are dropped. */
  readonly reported: ReadonlySet<string>;
  /** Formatted paths whose value came from a secret-named variable. */
  readonly secretPaths: ReadonlySet<string>;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    data,
  );
}

/** How a found value is shown; secret-named keys only reveal the length. */
function describeValue(
  value: unknown,
  path: readonly PropertyKey[],
  secretPaths: ReadonlySet<string>,
): string | undefined {
  if (Array.isArray(value)) return 'a list';
  if (value === '') return 'an empty value';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  if (secretPaths.has(formatPath(path)) || path.some((key) => typeof key === 'string' && isSecretName(key))) {
    return typeof value === 'string' ? `a hidden value of ${value.length} characters` : typeof value;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'an empty value' : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function unknownKeyProblems(issue: z.core.$ZodIssueUnrecognizedKeys, context: IssueContext): ConfigProblem[] {
  const accepted = issue.message.startsWith(acceptedKeysPrefix)
    ? issue.message.slice(acceptedKeysPrefix.length).split(', ')
    : [];
  return issue.keys.map((key) => {
    const path = [...issue.path, key];
    const close = accepted.find(
      (candidate) => editDistance(key, candidate) <= Math.max(1, Math.floor(candidate.length / 3)),
    );
    const hint = close === undefined ? '' : ` (did you mean '${close}'?)`;
    const message = `unknown key '${key}'${hint} — ${issue.message}`;
    return {
      file: context.file,
      ...locate(context.doc, context.lineCounter, path, true),
      path: formatPath(path),
      message,
    };
  });
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown, secretPaths: ReadonlySet<string>): string {
  if (value === undefined && issue.code === 'invalid_type') return `missing — ${issue.message}`;
  const found = describeValue(value, issue.path, secretPaths);
  const redundant =
    found === undefined ||
    (issue.code === 'custom' && typeof value === 'object') ||
    issue.message.includes(`'${String(value)}'`);
  return redundant ? issue.message : `${issue.message}, got ${found}`;
}

/** Turns zod issues into positioned problems, one per unknown key and one per other issue. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], context: IssueContext): ConfigProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return unknownKeyProblems(issue, context);
    const path = formatPath(issue.path);
    if (
      [...context.reported].some((done) => path === done || path.startsWith(`${done}.`) || path.startsWith(`${done}[`))
    )
      return [];
    const message = issueMessage(issue, valueAt(context.data, issue.path), context.secretPaths);
    return [{ file: context.file, ...locate(context.doc, context.lineCounter, issue.path), path, message }];
  });
}

/**
 * Error map for parsing config: plain-language defaults for issues a schema did not word itself
 * (schema-level messages take precedence).
 */
export const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value)',
  };
  if (issue.code === 'invalid_type') return `expected ${names[issue.expected] ?? issue.expected}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `expected at least ${issue.minimum} entries`;
  return undefined;
};
