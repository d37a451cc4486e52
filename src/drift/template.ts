/**
 * Symbolic values (design §2.3): a variable the bot cannot know is kept as the token
 * `⟪NAME⟫` inside an otherwise resolved string. `⟪*⟫` is a wildcard that matches anything
 * without making the field unverifiable (ephemeral ports, anonymous volumes).
 */
export const WILDCARD = '⟪*⟫';

const TOKEN = /⟪([^⟫]*)⟫/g;

/** The token for an unknown variable. */
export const toMarker = (name: string): string => `⟪${name}⟫`;

/** Whether a value contains any symbolic token (unknown variable or wildcard). */
export const isSymbolic = (value: string): boolean => value.includes('⟪');

/** Names of unknown variables in a value (wildcards excluded). */
export function markerNames(value: string): string[] {
  return [...value.matchAll(TOKEN)].map((m) => m[1] ?? '').filter((n) => n !== '*');
}

/** Shows tokens the way a user wrote them: `⟪TAG⟫` → `${TAG}`, wildcard → `*`. */
export const displayTemplate = (value: string): string =>
  value.replace(TOKEN, (_m, name: string) => (name === '*' ? '*' : `\${${name}}`));

export type TemplateMatch =
  { readonly ok: true; readonly captures: ReadonlyMap<string, string> } | { readonly ok: false };

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches an observed string against an expected template. Each variable must capture the
 * same text everywhere it appears, including in earlier fields (`bound`, shared per stack).
 */
export function matchTemplate(
  template: string,
  actual: string,
  bound: ReadonlyMap<string, string> = new Map(),
): TemplateMatch {
  const order: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    const name = m[1] ?? '';
    pattern += escapeRegex(template.slice(last, m.index));
    last = m.index + m[0].length;
    const known = bound.get(name);
    if (name === '*') pattern += '[\\s\\S]*?';
    else if (known !== undefined) pattern += escapeRegex(known);
    else if (order.includes(name)) pattern += `\\${order.indexOf(name) + 1}`;
    else {
      order.push(name);
      pattern += '([\\s\\S]*?)';
    }
  }
  pattern += escapeRegex(template.slice(last));
  const m = new RegExp(`^${pattern}$`).exec(actual);
  if (m === null) return { ok: false };
  return { ok: true, captures: new Map(order.map((name, i) => [name, m[i + 1] ?? ''])) };
}
