import { LineCounter, parseDocument, type Document } from 'yaml';
import { formatPath, type ConfigProblem } from './config-problem.js';
import { interpolateDocument, type EnvLookup } from './interpolate.js';
import { configErrorMap, issuesToProblems } from './issue-problems.js';
import { appConfigSchema, type AppConfig } from './schema.js';
import { placeSyntaxError } from './yaml-syntax-place.js';

/** Outcome of checking config text: the config when valid, otherwise every problem found. */
export type ConfigCheck =
  | { readonly ok: true; readonly config: AppConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** Inputs for `checkConfigText`. */
export interface CheckConfigOptions {
  /** File name shown in problems, e.g. `config.yaml`. */
  readonly file: string;
  /** Variable lookup for `${NAME}` (process env over `.env`). */
  readonly lookup: EnvLookup;
}

function syntaxProblems(doc: Document, lineCounter: LineCounter, file: string, text: string): ConfigProblem[] {
  const places = doc.errors.map((error) => placeSyntaxError(text, error, (offset) => lineCounter.linePos(offset)));
  // One mistake often yields two errors at the same place: report it once.
  const unique = places.filter((p, i) => places.findIndex((q) => q.line === p.line) === i);
  return unique.map(({ line, col, message }) => ({
    file,
    line,
    col,
    path: '',
    message: `YAML syntax error: ${message}`,
  }));
}

/** `key:` with nothing after it (everything below commented out) counts as an absent key. */
function dropEmptyKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmptyKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, child]) => child !== null);
  return Object.fromEntries(entries.map(([key, child]) => [key, dropEmptyKeys(child)]));
}

function toData(doc: Document, file: string): { data: unknown; problems: ConfigProblem[] } {
  try {
    return { data: dropEmptyKeys(doc.toJS({ maxAliasCount: 100 }) ?? {}), problems: [] };
  } catch (error) {
    return { data: {}, problems: [{ file, path: '', message: `cannot read YAML: ${(error as Error).message}` }] };
  }
}

/**
 * Parses, interpolates and validates config text without touching the file system.
 * Collects YAML syntax errors first (nothing else is reliable then); otherwise missing
 * variables and every schema issue together, each with line and column.
 */
export function checkConfigText(text: string, options: CheckConfigOptions): ConfigCheck {
  const { file } = options;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, intAsBigInt: true, prettyErrors: false });
  if (doc.errors.length > 0) return { ok: false, problems: syntaxProblems(doc, lineCounter, file, text) };
  const report = interpolateDocument(doc, options.lookup, text);
  const interpolation = report.problems.map((p) => ({
    file,
    ...lineCounter.linePos(p.offset),
    path: formatPath(p.path),
    message: p.message,
  }));
  const { data, problems: readProblems } = toData(doc, file);
  const parsed = appConfigSchema.safeParse(data, { error: configErrorMap });
  const reported = new Set(interpolation.map((p) => p.path));
  const issues = parsed.success
    ? []
    : issuesToProblems(parsed.error.issues, {
        file,
        doc,
        lineCounter,
        data,
        reported,
        secretPaths: report.secretPaths,
      });
  const problems = [...interpolation, ...readProblems, ...issues];
  if (parsed.success && problems.length === 0) return { ok: true, config: parsed.data };
  return { ok: false, problems };
}
