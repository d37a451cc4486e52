import type { InterpolationEnv } from '../compose/interpolate.js';
import { escapeDollars, retemplate, type VarUse } from './retemplate.js';

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
}

/** Literals only, escaped (no variables known). */
export const literalWriter: ValueWriter = (_raw, literal) => escapeDollars(literal);

/** A writer that re-templates with the host's interpolation env and records what it did. */
export function templateWriter(env: InterpolationEnv): { write: ValueWriter; notes: RetemplateNote[] } {
  const notes: RetemplateNote[] = [];
  const write: ValueWriter = (raw, literal) => {
    const { text, used } = retemplate(raw, literal, env);
    if (used.length > 0 && !notes.some((n) => n.text === text)) notes.push({ literal, text, used });
    return text;
  };
  return { write, notes };
}
