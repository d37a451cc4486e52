import { toMarker } from '../template.js';

/**
 * What the bot knows about the interpolation environment. When `complete` is false (the
 * host's `.env` is not readable), a variable missing from `values` is *unknown* and becomes
 * a `⟪NAME⟫` marker; when true, a missing variable is unset, as compose would see it.
 */
export interface InterpolationEnv {
  readonly values: ReadonlyMap<string, string>;
  readonly complete: boolean;
}

/** Result of interpolating one string: the value (possibly with markers) or compose's error. */
export type Interpolated =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };

type VarState =
  { readonly kind: 'set'; readonly value: string } | { readonly kind: 'unset' } | { readonly kind: 'unknown' };

const NAME = /^[_a-z][_a-z0-9]*/i;
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;

function lookup(env: InterpolationEnv, name: string): VarState {
  const value = env.values.get(name);
  if (value !== undefined) return { kind: 'set', value };
  return env.complete ? { kind: 'unset' } : { kind: 'unknown' };
}

/** Index of the `}` closing the `${` that starts at `open`, counting nested braces; -1 when none. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function applyOperator(op: string, arg: string, name: string, state: VarState, env: InterpolationEnv): Interpolated {
  if (state.kind === 'unknown') return { ok: true, value: toMarker(name) };
  const set = state.kind === 'set';
  const nonEmpty = set && state.value !== '';
  const present = op.startsWith(':') ? nonEmpty : set;
  const current = set ? state.value : '';
  switch (op.slice(-1)) {
    case '-':
      return present ? { ok: true, value: current } : interpolate(arg, env);
    case '+':
      return present ? interpolate(arg, env) : { ok: true, value: '' };
    default: {
      if (present) return { ok: true, value: current };
      const message = interpolate(arg, env);
      const detail = message.ok && message.value !== '' ? `: ${message.value}` : '';
      return { ok: false, error: `required variable ${name} is missing a value${detail}` };
    }
  }
}

function braced(inner: string, env: InterpolationEnv): Interpolated {
  const name = NAME.exec(inner)?.[0];
  if (name === undefined) return { ok: false, error: `invalid interpolation format for "\${${inner}}"` };
  const rest = inner.slice(name.length);
  const state = lookup(env, name);
  if (rest === '') {
    if (state.kind === 'unknown') return { ok: true, value: toMarker(name) };
    return { ok: true, value: state.kind === 'set' ? state.value : '' };
  }
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (op === undefined) return { ok: false, error: `invalid interpolation format for "\${${inner}}"` };
  return applyOperator(op, rest.slice(op.length), name, state, env);
}

/**
 * Compose-go `template.Substitute` semantics: `$V`, `${V}`, `${V:-d}`, `${V-d}`, `${V:?e}`,
 * `${V?e}`, `${V:+x}`, `${V+x}`, `$$` → `$`; defaults are themselves interpolated.
 */
export function interpolate(text: string, env: InterpolationEnv): Interpolated {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar === -1) break;
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const close = closingBrace(text, dollar + 1);
      if (close === -1) return { ok: false, error: `invalid interpolation format for "${text.slice(dollar)}"` };
      const part = braced(text.slice(dollar + 2, close), env);
      if (!part.ok) return part;
      out += part.value;
      i = close + 1;
    } else {
      const name = NAME.exec(text.slice(dollar + 1))?.[0];
      const part = name === undefined ? { ok: true as const, value: '$' } : braced(name, env);
      if (!part.ok) return part;
      out += part.value;
      i = dollar + 1 + (name?.length ?? 0);
    }
  }
  return { ok: true, value: out + text.slice(i) };
}

/** A failed interpolation inside a parsed compose file, with the dotted path of the value. */
export interface InterpolationError {
  readonly path: string;
  readonly error: string;
}

/** Interpolates every string value (never keys) of a parsed YAML tree, collecting errors. */
export function interpolateTree(
  node: unknown,
  env: InterpolationEnv,
  path = '',
  errors: InterpolationError[] = [],
): { value: unknown; errors: InterpolationError[] } {
  if (typeof node === 'string') {
    const r = interpolate(node, env);
    if (!r.ok) errors.push({ path, error: r.error });
    return { value: r.ok ? r.value : node, errors };
  }
  if (Array.isArray(node)) {
    return { value: node.map((v, i) => interpolateTree(v, env, `${path}[${i}]`, errors).value), errors };
  }
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = interpolateTree(v, env, path === '' ? k : `${path}.${k}`, errors).value;
    }
    return { value: out, errors };
  }
  return { value: node, errors };
}
