import { interpolate, type InterpolationEnv } from '../compose/interpolate.js';

/** One variable reference found in a compose value, with what it resolves to on the host. */
export interface VarUse {
  /** The reference as written (`${APPDATA:-/opt/appdata}`, `$DOMAIN`). */
  readonly ref: string;
  readonly name: string;
  /** What compose renders it to with the host's env (may be a default). */
  readonly value: string;
}

/** One re-templated value, for the PR body. */
export interface Retemplated {
  /** The new compose text (variables kept, literal `$` written `$$`). */
  readonly text: string;
  /** The references that explain parts of the new value. */
  readonly used: readonly VarUse[];
}

const NAME = /^[_a-z][_a-z0-9]*/i;

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The variable references of a compose value (`$$` is a literal, not a reference). */
export function varRefs(raw: string): { ref: string; name: string }[] {
  const out: { ref: string; name: string }[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '$') continue;
    const next = raw[i + 1];
    if (next === '$') {
      i++;
      continue;
    }
    if (next === '{') {
      const end = closingBrace(raw, i + 1);
      const name = NAME.exec(raw.slice(i + 2))?.[0];
      if (end === -1 || name === undefined) continue;
      out.push({ ref: raw.slice(i, end + 1), name });
      i = end;
      continue;
    }
    const name = NAME.exec(raw.slice(i + 1))?.[0];
    if (name !== undefined) {
      out.push({ ref: `$${name}`, name });
      i += name.length;
    }
  }
  return out;
}

/** A literal written into compose: every `$` doubled, so nothing in it is read as a variable. */
export const escapeDollars = (literal: string): string => literal.replace(/\$/g, '$$$$');

/** The references of `raw` with their host values (only those that render to a non-empty text). */
export function resolveRefs(raw: string, env: InterpolationEnv): VarUse[] {
  const uses: VarUse[] = [];
  for (const { ref, name } of varRefs(raw)) {
    const rendered = interpolate(ref, env);
    if (!rendered.ok || rendered.value === '' || rendered.value.includes('⟪')) continue;
    if (!uses.some((u) => u.ref === ref)) uses.push({ ref, name, value: rendered.value });
  }
  return uses;
}

/**
 * Writes `value` (the running value, literal text) as compose text that keeps the variables the
 * replaced text `raw` used: wherever a variable's host value reappears in `value` (longest value
 * first), the reference is written as it was (`${APPDATA:-/opt/appdata}`); the rest is literal,
 * with `$` escaped as `$$`. Without variables in `raw` the result is the escaped literal.
 */
export function retemplate(raw: string | undefined, value: string, env: InterpolationEnv): Retemplated {
  const uses = raw === undefined ? [] : resolveRefs(raw, env).sort((a, b) => b.value.length - a.value.length);
  const used: VarUse[] = [];
  let text = '';
  let i = 0;
  let literal = '';
  while (i < value.length) {
    const hit = uses.find((u) => value.startsWith(u.value, i));
    if (hit === undefined) {
      literal += value.charAt(i);
      i++;
      continue;
    }
    text += escapeDollars(literal) + hit.ref;
    literal = '';
    i += hit.value.length;
    if (!used.includes(hit)) used.push(hit);
  }
  return { text: text + escapeDollars(literal), used };
}
