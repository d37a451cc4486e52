const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A key segment as written in a path: plain keys as is, others quoted (`values["a.b"]`). */
const segment = (key: string): string => (/^[A-Za-z0-9_-]+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/**
 * Flattens Helm values into `values.<path> → JSON text`: every scalar leaf is its own path, so one
 * changed key is one item; lists and empty maps are compared whole (list indexes are not stable).
 */
export function flattenValues(
  values: unknown,
  prefix = 'values',
  out = new Map<string, string>(),
): Map<string, string> {
  if (isPlainObject(values) && Object.keys(values).length > 0) {
    for (const [k, v] of Object.entries(values)) flattenValues(v, `${prefix}${segment(k)}`, out);
  } else {
    out.set(prefix, JSON.stringify(values ?? null));
  }
  return out;
}

/** The key segments of a flattened path (`values.a["b.c"].d` → `['a', 'b.c', 'd']`). */
export function pathKeys(path: string): string[] {
  const keys: string[] = [];
  for (const m of path.replace(/^values/, '').matchAll(/\.([A-Za-z0-9_-]+)|\[("(?:[^"\\]|\\.)*")\]/g)) {
    keys.push(m[1] ?? (JSON.parse(m[2] ?? '""') as string));
  }
  return keys;
}
