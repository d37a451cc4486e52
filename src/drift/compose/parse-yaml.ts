import { isScalar, parseDocument, Scalar, visit, YAMLMap, type Node } from 'yaml';

/** Sentinel produced by the `!reset` tag: the merge clears the field (compose ≥ 2.24). */
export const RESET = '\u0000!reset';
/** Key of the single-entry wrapper produced by `!override`: the merge replaces instead of merging. */
export const OVERRIDE = '\u0000!override';

/** A parsed compose file, or the parser's first error with its 1-based line and column. */
export type ParsedYaml =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly line: number; readonly col: number; readonly message: string };

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

/**
 * Parses compose YAML with the YAML 1.2 core schema, `<<` merge keys enabled, scalars kept as text
 * and the `!reset` / `!override` tags turned into sentinels for `mergeCompose`.
 */
export function parseComposeYaml(text: string): ParsedYaml {
  const doc = parseDocument(text, { merge: true, customTags: passThrough, prettyErrors: true });
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
  visit(doc, {
    Node(_key, node: Node) {
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
  return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) };
}
