import type { ActionButton } from '../../chat/chat-port.js';
import { requestNotifyMe } from './request-notify-me.js';
import { overseerrDown } from '../../media/overseerr-reply.js';
import { outcomeText, type RequestOutcome } from '../../media/outcome-text.js';
import { linkHelpText } from '../../media/request-link-help.js';
import type { ChatIdentity } from '../../media/resolve-overseerr-user.js';
import type { Report } from '../../report/report.js';
import type { ProcessorContext } from '../../jobs/processor.js';

/** The unlinked user's answer: how to link; nothing was requested. */
export const linkHelpReport = (who: ChatIdentity): Report => ({
  title: 'Link your account first',
  status: 'warning',
  summary: linkHelpText(who),
});

/** Outcomes that mean "someone already asked for it": offer "notify me too". */
const wantsNotifyButton = (o: RequestOutcome): boolean => o.kind === 'already-requested' || o.kind === 'duplicate';

/** The target of a "notify me too" button. */
export interface NotifyTarget {
  readonly mediaType: 'movie' | 'tv';
  readonly tmdbId: number;
  readonly title: string;
  readonly requestId?: number | undefined;
}

/** A report explaining an outcome in plain words, with "🔔 Notify me too" where it makes sense. */
export async function outcomeReport(
  ctx: ProcessorContext,
  outcome: RequestOutcome,
  target: NotifyTarget,
  extra: readonly string[] = [],
): Promise<Report> {
  const ok = outcome.kind === 'created' || outcome.kind === 'already-available' || outcome.kind === 'already-requested';
  const actions: ActionButton[] = [];
  if (wantsNotifyButton(outcome)) {
    const payload = {
      mediaType: target.mediaType,
      tmdbId: target.tmdbId,
      title: target.title,
      ...(target.requestId === undefined ? {} : { requestId: target.requestId }),
    };
    actions.push(await ctx.createButton(requestNotifyMe, payload, '🔔 Notify me too', 'secondary'));
  }
  return {
    title: target.title,
    status: ok ? 'ok' : 'warning',
    summary: [outcomeText(outcome), ...extra].join('\n'),
    ...(actions.length === 0 ? {} : { actions }),
  };
}

/** Overseerr down or slow while looking things up: a plain answer instead of retries. */
export function lookupFailure(error: unknown): Report {
  const down = overseerrDown(error);
  if (down !== undefined) {
    const why = down === 'timeout' ? 'did not answer in time' : 'is down right now';
    return {
      title: 'Overseerr unavailable',
      status: 'failed',
      summary: `The media request service (Overseerr) ${why}. Nothing was requested; please try again later.`,
    };
  }
  throw error;
}
