import { isAlias, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';

/** Text of a scalar node (or of a plain value); `undefined` for anything structured. */
export function textOf(node: unknown): string | undefined {
  const value: unknown = isScalar(node) ? node.value : node;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The service's mapping node in a compose document, or undefined. */
export function serviceNode(doc: Document, service: string): YAMLMap | undefined {
  const node = doc.getIn(['services', service], true);
  return isMap(node) ? node : undefined;
}

/**
 * A child collection of `parent` this service owns, created as `empty()` when absent. An alias
 * (`environment: *default-env`) is never edited through, since that would change every user of the
 * anchor: a map becomes a local merge (`<<: *default-env` plus the override), a list is expanded in
 * place. With `listFromScalar`, a scalar (`dns: 1.1.1.1`) becomes a one-entry list.
 */
export function ownChild(
  doc: Document,
  parent: YAMLMap,
  key: string,
  empty: () => YAMLMap | YAMLSeq,
  listFromScalar = false,
): YAMLMap | YAMLSeq {
  const node = parent.has(key) ? parent.get(key, true) : merged(doc, parent, key);
  if (isMap(node) || isSeq(node)) return node;
  let created = empty();
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (isMap(target)) {
      const local = new YAMLMap();
      local.items.push(new Pair(new Scalar('<<'), node));
      created = local;
    } else if (isSeq(target)) {
      const copy = new YAMLSeq();
      copy.items = target.items.map((i) => (isScalar(i) ? i.clone() : i));
      created = copy;
    }
  } else if (listFromScalar && isScalar(node) && node.value !== null) {
    const seq = new YAMLSeq();
    seq.items.push(node);
    created = seq;
  }
  parent.set(parent.has(key) ? key : doc.createNode(key), created);
  return created;
}

/**
 * What `<<:` merges bring for `key` (a local key replaces a merged one whole, so a block the service
 * only inherits is copied in before it is edited; the copy renders exactly as the inherited one).
 */
export function merged(doc: Document, parent: YAMLMap, key: string): unknown {
  for (const pair of parent.items) {
    if (textOf(pair.key) !== '<<') continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const map = isAlias(source) ? source.resolve(doc) : source;
      if (!isMap(map) || !map.has(key)) continue;
      const found = map.get(key, true);
      return isMap(found) || isSeq(found) ? found.clone() : found;
    }
  }
  return undefined;
}

/** A child collection of the service, created as `empty()` when absent (aliases made local, see `ownChild`). */
export const childOf = (doc: Document, svc: YAMLMap, key: string, empty: () => YAMLMap | YAMLSeq): YAMLMap | YAMLSeq =>
  ownChild(doc, svc, key, empty);

/** Removes `key` from the service when its collection became empty (no `environment: {}` left behind). */
export function dropIfEmpty(svc: YAMLMap, key: string): void {
  const node = svc.get(key, true);
  if ((isMap(node) || isSeq(node)) && node.items.length === 0) svc.delete(key);
}

/** A scalar that YAML 1.1 readers would turn into a boolean is written quoted (`restart: "no"`). */
export function safeScalar(value: string): Scalar {
  const node = new Scalar(value);
  if (/^(y|yes|n|no|on|off|true|false|null|~)$/i.test(value) || /^[0-9.+-]/.test(value))
    node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

/**
 * Puts `value` where `old` was, keeping the old node (and so its comments) when it is a scalar;
 * plain values that need quotes get them, quoted ones keep their quote style.
 */
export function replaceScalar(old: unknown, value: string | boolean | null): Scalar {
  const fresh = typeof value === 'string' ? safeScalar(value) : new Scalar(value);
  if (!(old instanceof Scalar)) return fresh;
  old.value = value;
  if (fresh.type === Scalar.QUOTE_DOUBLE && (old.type === undefined || old.type === Scalar.PLAIN))
    old.type = Scalar.QUOTE_DOUBLE;
  if (typeof value !== 'string') delete old.type;
  return old;
}

export { isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq };
