import type { z } from 'zod';
import type { CommandDefinition } from './define-command.js';

/** Option value kinds every platform can express. */
export type OptionType = 'string' | 'integer' | 'boolean';

/** One option, derived from a zod field; drives Discord JSON, text parsing and help. */
export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  readonly description: string;
  readonly required: boolean;
  readonly choices?: readonly string[];
}

interface Unwrapped {
  readonly inner: z.ZodType;
  readonly required: boolean;
  readonly description: string | undefined;
}

/** Peels `.optional()` / `.default()` wrappers, keeping the outermost description. */
function unwrap(field: z.ZodType): Unwrapped {
  let current = field;
  let required = true;
  let description = field.description;
  for (;;) {
    const def = current.def as { type: string; innerType?: z.ZodType };
    if ((def.type !== 'optional' && def.type !== 'default') || def.innerType === undefined) break;
    required = false;
    current = def.innerType;
    description ??= current.description;
  }
  return { inner: current, required, description: description ?? current.description };
}

function toType(name: string, inner: z.ZodType): { type: OptionType; choices?: readonly string[] } {
  const def = inner.def as { type: string; format?: string };
  if (def.type === 'string') return { type: 'string' };
  if (def.type === 'boolean') return { type: 'boolean' };
  if (def.type === 'number') {
    const format = (inner as unknown as { format?: string | null }).format;
    if (format === 'safeint' || format === 'int32') return { type: 'integer' };
    throw new Error(`option "${name}": numbers must be .int()`);
  }
  if (def.type === 'enum') {
    const options = (inner as unknown as { options: readonly unknown[] }).options;
    if (options.every((o): o is string => typeof o === 'string')) return { type: 'string', choices: options };
  }
  throw new Error(`option "${name}": unsupported zod type "${def.type}" (use string, int, boolean or enum)`);
}

/**
 * Derives option specs from a zod object. Throws at registry-build time for unsupported
 * field types or missing descriptions, so a bad definition never reaches a platform.
 */
export function toOptionSpecs(schema: z.ZodObject): OptionSpec[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { inner, required, description } = unwrap(field as z.ZodType);
    if (description === undefined || description === '') {
      throw new Error(`option "${name}": missing .describe('…')`);
    }
    return { name, description, required, ...toType(name, inner) };
  });
}

/** Specs of a command definition, with the command name in the error message. */
export function commandOptionSpecs(definition: CommandDefinition): OptionSpec[] {
  try {
    return toOptionSpecs(definition.options);
  } catch (error) {
    const label = [definition.command, definition.subcommand].filter(Boolean).join(' ');
    throw new Error(`command /${label}: ${(error as Error).message}`, { cause: error });
  }
}
