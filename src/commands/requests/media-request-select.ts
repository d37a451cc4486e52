import type { ProcessorContext } from '../../jobs/processor.js';

/** The context's `createSelect` (every worker context has it; hand-built ones may not). */
export function requireSelect(ctx: ProcessorContext): NonNullable<ProcessorContext['createSelect']> {
  if (ctx.createSelect === undefined) throw new Error('this processor context cannot create select menus');
  return ctx.createSelect.bind(ctx);
}
