import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

/** A 1-based line and column in the YAML source. */
export interface SourcePosition {
  readonly line: number;
  readonly col: number;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function startOf(node: unknown): number | undefined {
  return isScalar(node) || isMap(node) || isSeq(node) || isAlias(node) ? node.range?.[0] : undefined;
}

/**
 * Source offset for a data path: the value itself for scalars, the key for mappings and lists
 * (their own range starts on the next line), or the nearest existing parent for missing keys.
 * With `asKey`, the last segment's key is located instead (unknown-key errors).
 */
export function locateOffset(doc: Document, path: readonly PropertyKey[], asKey = false): number {
  let node: unknown = doc.contents;
  let anchor: unknown = undefined;
  for (const [index, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (pair === undefined) break;
      anchor = pair.key;
      if (asKey && index === path.length - 1) return startOf(anchor) ?? 0;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment];
      anchor = node;
    } else break;
  }
  const own = isScalar(node) || isAlias(node) ? startOf(node) : undefined;
  return own ?? startOf(anchor) ?? startOf(node) ?? 0;
}

/** Line and column of a data path in the document. */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  asKey = false,
): SourcePosition {
  const { line, col } = lineCounter.linePos(locateOffset(doc, path, asKey));
  return { line, col };
}
