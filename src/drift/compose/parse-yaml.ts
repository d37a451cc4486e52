import { isMap, isScalar, LineCounter, parseDocument, Scalar, visit, YAMLMap, type Document, type Node } from 'yaml';
import { composeSizeProblem, defaultComposeFileLimit } from './compose-size.js';

/** Sentinel produced by the `!reset` tag: the merge clears the field (compose ≥ 2.24). */
export const RESET = '\u0000!reset';
/** Key of the single-entry wrapper produced by `!override`: the merge replaces instead of merging. */
export const OVERRIDE = '\u0000!override';

/** A parsed compose file, or the parser's first error with its 1-based line and column. */
export type ParsedYaml =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly line: number; readonly col: number; readonly message: string };

export interface ParseComposeOptions {
  /** Largest accepted file in bytes (config `limits.composeFileSize`, default 2 MB); larger ones are refused unparsed. */
  readonly maxBytes?: number;
}

const passThrough = [
  { tag: '!reset', resolve: (v: unknown) => v },
  { tag: '!override', resolve: (v: unknown) => v },
];

/** Keeps numbers and booleans textual (`TZ: 1.10`, `enabled: yes`), as compose-go does before casting. */
function textual(node: Scalar): void {
  if (
    (typeof node.value === 'number' || typeof node.value === 'boolean' || typeof node.value === 'bigint') &&
    node.source !== undefined
  ) {
    node.value = node.source;
  }
}

type Failure = Extract<ParsedYaml, { ok: false }>;

/**
 * The first key of `map` seen twice, as a failure. The yaml library's own check (`uniqueKeys`)
 * scans the map per key (quadratic: a 1 MB environment block took seconds), so it is off and this
 * linear check (one Set per map) takes its place, with the same message.
 */
function duplicateKey(map: YAMLMap, lines: LineCounter): Failure | undefined {
  const seen = new Set<unknown>();
  for (const pair of map.items) {
    const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof key === 'object' && key !== null) continue;
    if (seen.has(key)) {
      const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
      const { line, col } = lines.linePos(offset);
      return { ok: false, line, col, message: `Map keys must be unique; "${String(key)}" is repeated` };
    }
    seen.add(key);
  }
  return undefined;
}

/** Applies the compose tags and keeps scalars textual; returns the first duplicate key, if any. */
function rewrite(doc: Document, lines: LineCounter): Failure | undefined {
  let failure: Failure | undefined;
  visit(doc, {
    Node(_key, node: Node) {
      if (isMap(node) && failure === undefined) failure = duplicateKey(node, lines);
      if (node.tag === '!reset') return new Scalar(RESET);
      if (node.tag === '!override') {
        delete node.tag;
        const wrapper = new YAMLMap();
        wrapper.add(doc.createPair(OVERRIDE, node));
        return wrapper;
      }
      if (isScalar(node)) textual(node);
      return undefined;
    },
  });
  return failure;
}

/**
 * Parses compose YAML with the YAML 1.2 core schema, `<<` merge keys enabled, scalars kept as text
 * and the `!reset` / `!override` tags turned into sentinels for `mergeCompose`. Linear in the file
 * size; a file over `maxBytes` is refused before parsing.
 */
export function parseComposeYaml(text: string, options: ParseComposeOptions = {}): ParsedYaml {
  const tooBig = composeSizeProblem(text, options.maxBytes ?? defaultComposeFileLimit);
  if (tooBig !== undefined) return { ok: false, line: 0, col: 0, message: tooBig };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    merge: true,
    customTags: passThrough,
    prettyErrors: true,
    uniqueKeys: false,
    lineCounter,
  });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = first.linePos?.[0];
    return {
      ok: false,
      line: pos?.line ?? 0,
      col: pos?.col ?? 0,
      message: first.message.split('\n')[0] ?? first.message,
    };
  }
  const duplicate = rewrite(doc, lineCounter);
  if (duplicate !== undefined) return duplicate;
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) };
  } catch (error) {
    // Too many alias expansions (a "billion laughs" file) is bad input, not a crash.
    return { ok: false, line: 0, col: 0, message: error instanceof Error ? error.message : String(error) };
  }
}
