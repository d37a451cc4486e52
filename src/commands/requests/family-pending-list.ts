import type { ProcessorContext } from '../../jobs/processor.js';
import { renderReport } from '../../report/render-report.js';
import type { Report } from '../../report/report.js';
import { pendingCard } from './family-cards.js';
import type { FamilyDeps } from './family-deps.js';
import { userName } from './family-words.js';

/** At most this many cards per `/requests pending` (the rest: "…and N more"). */
const maxCards = 10;

/** `/requests pending`: what waits for approval, oldest first, one card each with Approve/Decline. */
export async function pendingList(deps: FamilyDeps, ctx: ProcessorContext): Promise<Report> {
  const pending = await deps.family.pendingRequests(50);
  if (pending.length === 0)
    return { title: 'Requests waiting for approval', status: 'ok', summary: 'Nothing is waiting for approval. 🎉' };
  const shown = pending.slice(0, maxCards);
  const lines: string[] = [];
  for (const r of shown) {
    const card = await pendingCard(deps, r, (d, p, label, style) => ctx.createButton(d, p, label, style));
    lines.push(
      `• ${card.title.replace(/^Waiting for approval: /, '')}, asked by ${userName(deps.people, r.requestedBy)}`,
    );
    if (ctx.post !== undefined) await ctx.post(renderReport(card, ctx.run.platform));
  }
  const more =
    pending.length > shown.length
      ? ` (showing the oldest ${shown.length}; …and ${pending.length - shown.length} more)`
      : '';
  return {
    title: 'Requests waiting for approval',
    status: 'ok',
    summary: `${pending.length} request${pending.length === 1 ? '' : 's'} waiting, oldest first${more}. Each card above has Approve and Decline.`,
    lines,
  };
}
