import type { InterpolationEnv } from '../compose/interpolate.js';
import { escapeDollars, retemplate, varRefs, type VarUse } from './retemplate.js';

/**
 * Turns a running (literal) value into compose text: `raw` is the text it replaces (its variables
 * are kept where their host values reappear), every other `$` is escaped as `$$`.
 */
export type ValueWriter = (raw: string | undefined, literal: string) => string;

/** A re-templated value, for the PR body (`/srv/…/bazarr` → `${APPDATA:-/opt/appdata}/bazarr`). */
export interface RetemplateNote {
  readonly literal: string;
  readonly text: string;
  readonly used: readonly VarUse[];
  /** The replaced text was only this variable and the host renders it otherwise: a literal replaced it. */
  readonly replacedVar?: string;
}

/** Literals only, escaped (no variables known). */
export const literalWriter: ValueWriter = (_raw, literal) => escapeDollars(literal);

/** A writer that re-templates with the host's interpolation env and records what it did. */
export function templateWriter(env: InterpolationEnv): { write: ValueWriter; notes: RetemplateNote[] } {
  const notes: RetemplateNote[] = [];
  const write: ValueWriter = (raw, literal) => {
    const { text, used } = retemplate(raw, literal, env);
    const [only, ...more] = raw === undefined ? [] : varRefs(raw);
    const replacedVar =
      used.length === 0 && only !== undefined && more.length === 0 && only.ref === raw?.trim() ? only.name : undefined;
    if ((used.length > 0 || replacedVar !== undefined) && !notes.some((n) => n.text === text))
      notes.push({ literal, text, used, ...(replacedVar === undefined ? {} : { replacedVar }) });
    return text;
  };
  return { write, notes };
}
