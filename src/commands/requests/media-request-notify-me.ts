import type { RequestFlowDeps } from '../../media/request-deps.js';
import type { Processor } from './jobs.js';

/** "🔔 Notify me too": the clicker gets a DM when the title is available (durable subscription). */
export function mediaRequestNotifyMe(deps: RequestFlowDeps): Processor<'media.request-notify-me'> {
  return async (job) => {
    const { mediaType, tmdbId, title, requestId } = job.payload;
    const added = await deps.subscriptions.subscribe({
      mediaType,
      tmdbId,
      platform: job.requester.platform,
      userId: job.requester.id,
      ...(requestId === undefined ? {} : { requestId }),
    });
    const summary = added
      ? `I will send you a direct message when ${title} is available.`
      : `You are already on the list for ${title}; you will get one message when it is available.`;
    return { title: '🔔 Notify me too', status: 'ok', summary };
  };
}
