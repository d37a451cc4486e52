import { isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';

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

/** A child collection of the service, created as `empty()` when absent. */
export function childOf(doc: Document, svc: YAMLMap, key: string, empty: () => YAMLMap | YAMLSeq): YAMLMap | YAMLSeq {
  const node = svc.get(key, true);
  if (isMap(node) || isSeq(node)) return node;
  const created = empty();
  svc.set(doc.createNode(key), created);
  return created;
}

/** Removes `key` from the service when its collection became empty (no `environment: {}` left behind). */
export function dropIfEmpty(svc: YAMLMap, key: string): void {
  const node = svc.get(key, true);
  if ((isMap(node) || isSeq(node)) && node.items.length === 0) svc.delete(key);
}

/** A scalar that YAML 1.1 readers would turn into a boolean is written quoted (`restart: "no"`). */
export function safeScalar(value: string): Scalar {
  const node = new Scalar(value);
  if (/^(y|yes|n|no|on|off|true|false|null|~)$/i.test(value) || /^[0-9.+-]/.test(value)) node.type = Scalar.QUOTE_DOUBLE;
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
  if (fresh.type === Scalar.QUOTE_DOUBLE && (old.type === undefined || old.type === Scalar.PLAIN)) old.type = Scalar.QUOTE_DOUBLE;
  if (typeof value !== 'string') delete old.type;
  return old;
}

export { isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq };
