import { OVERRIDE, RESET } from './parse-yaml.js';

/** A plain YAML mapping. */
export type YamlMap = Record<string, unknown>;

/** Any YAML scalar as text (`null`/absent → `""`); collections as JSON. */
export function scalar(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  return JSON.stringify(v);
}

export const isMap = (v: unknown): v is YamlMap => v !== null && typeof v === 'object' && !Array.isArray(v);

/** True when an override value asks to replace rather than merge (`!override`). */
export const isOverride = (v: unknown): v is YamlMap => isMap(v) && OVERRIDE in v && Object.keys(v).length === 1;

/** Removes `!reset` / `!override` sentinels from a first-file value (nothing to merge with). */
export function stripSentinels(v: unknown): unknown {
  if (isOverride(v)) return stripSentinels(v[OVERRIDE]);
  if (Array.isArray(v)) return v.map(stripSentinels);
  if (!isMap(v)) return v;
  const out: YamlMap = {};
  for (const [k, val] of Object.entries(v)) if (val !== RESET) out[k] = stripSentinels(val);
  return out;
}

/** `[a, b]`, `"a"` or `{k: v}` as a list (maps become `k=v`, the compose-go list form). */
export function toList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.entries(v).map(([k, val]) => (val === null ? k : `${k}=${scalar(val)}`));
  return [v];
}

/** `KEY=v` list or mapping → mapping; a bare `KEY` (or `KEY:` null) stays null (inherit). */
export function toKeyMap(v: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (isMap(v)) {
    for (const [k, val] of Object.entries(v)) out[k] = val === null || val === undefined ? null : scalar(val);
    return out;
  }
  for (const item of toList(v)) {
    const s = scalar(item);
    const eq = s.indexOf('=');
    if (eq === -1) out[s] = null;
    else out[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return out;
}

/** Appends `over` to `base`; an item whose key already exists replaces it in place (compose unicity). */
export function appendUnique(base: unknown, over: unknown, key: (item: unknown) => string): unknown[] {
  const out = [...toList(base)];
  for (const item of toList(over)) {
    const k = key(item);
    const at = out.findIndex((x) => key(x) === k);
    if (at === -1) out.push(item);
    else out[at] = item;
  }
  return out;
}

/** Generic rule: mappings merge recursively, sequences append, scalars are replaced. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === RESET) return undefined;
  if (isOverride(over)) return stripSentinels(over[OVERRIDE]);
  if (Array.isArray(base) && Array.isArray(over)) return [...(base as unknown[]), ...over.map(stripSentinels)];
  if (!isMap(base) || !isMap(over)) return stripSentinels(over);
  const out = new Map(Object.entries(base));
  for (const [k, v] of Object.entries(over)) {
    const merged = k in base ? deepMerge(base[k], v) : v === RESET ? undefined : stripSentinels(v);
    if (merged === undefined) out.delete(k);
    else out.set(k, merged);
  }
  return Object.fromEntries(out);
}
