type Obj = Record<string, unknown>;

const labelsOf = (obj: Obj): Record<string, string> =>
  (obj['metadata'] as { labels?: Record<string, string> } | undefined)?.labels ?? {};

/** Whether an object matches a label selector (`a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x)`). */
export function matchesLabels(obj: Obj, selector: string | null): boolean {
  if (selector === null || selector.trim() === '') return true;
  const labels = labelsOf(obj);
  const terms = selector.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  return terms
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .every((term) => {
      const set = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
      if (set !== null) {
        const values = (set[3] ?? '').split(',').map((v) => v.trim());
        const value = labels[set[1] ?? ''];
        return set[2] === 'in'
          ? value !== undefined && values.includes(value)
          : value === undefined || !values.includes(value);
      }
      const eq = /^([^!=]+)(==|=|!=)(.*)$/.exec(term);
      if (eq !== null) {
        const value = labels[(eq[1] ?? '').trim()];
        return eq[2] === '!=' ? value !== (eq[3] ?? '').trim() : value === (eq[3] ?? '').trim();
      }
      return term.startsWith('!') ? labels[term.slice(1)] === undefined : labels[term] !== undefined;
    });
}

const at = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (o as Obj)[k] : undefined), obj);

/** Whether an object matches a field selector (`metadata.name=x,involvedObject.kind!=Pod`). */
export function matchesFields(obj: Obj, selector: string | null): boolean {
  if (selector === null || selector.trim() === '') return true;
  return selector.split(',').every((term) => {
    const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(term.trim());
    if (m === null) return false;
    const value = at(obj, (m[1] ?? '').trim());
    const text =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
    return m[2] === '!=' ? text !== m[3] : text === m[3];
  });
}
