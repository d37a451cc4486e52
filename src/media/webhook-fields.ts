/** Field readers shared by the webhook parsers (Overseerr fills its template by string replacement). */
export const objectAt = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * The first value under one of `keys` in the given objects, as text. Overseerr fills its template
 * by string replacement, so ids are strings ("603"); a custom template may write them unquoted.
 * `""` (e.g. `tvdbId` of a movie) counts as absent.
 */
export function textOf(objects: readonly Record<string, unknown>[], keys: readonly string[]): string | undefined {
  for (const o of objects) {
    for (const k of keys) {
      const v = o[k];
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
    }
  }
  return undefined;
}

export const idOf = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
