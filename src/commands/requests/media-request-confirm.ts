import { ExternalError } from '../../errors.js';
import { outcomeFromError, type RequestOutcome } from '../../media/outcome-text.js';
import { ensureOwner, linkedUser, type RequestFlowDeps } from '../../media/request-deps.js';
import { quotaHint } from '../../media/request-quota.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import type { Processor } from './jobs.js';
import type { JobPayload } from './jobs.js';
import { linkHelpReport, lookupFailure, outcomeReport } from './media-request-reports.js';

type ConfirmJob = JobPayload<'media.request-confirm'>;

/** The requester hears about availability through the webhook notices too (deduplicated per user). */
async function followRequest(
  deps: RequestFlowDeps,
  ctx: ProcessorContext,
  job: ConfirmJob,
  requestId: number,
): Promise<void> {
  const { mediaType, tmdbId } = job.payload;
  try {
    await deps.subscriptions.subscribe({
      mediaType,
      tmdbId,
      requestId,
      platform: job.requester.platform,
      userId: job.requester.id,
    });
  } catch (error) {
    ctx.log.warn({ err: error }, 'subscribing the requester failed');
  }
}

async function failureOutcome(
  deps: RequestFlowDeps,
  job: ConfirmJob,
  userId: number,
  error: unknown,
): Promise<RequestOutcome> {
  const { title, mediaType, is4k } = job.payload;
  const quota =
    error instanceof ExternalError && error.code === 'overseerr-quota'
      ? quotaHint(await deps.overseerr.quota(userId).catch(() => undefined), mediaType)
      : undefined;
  const outcome = outcomeFromError(error, { title, mediaType, is4k, ...(quota === undefined ? {} : { quota }) });
  if (outcome === undefined) throw error;
  return outcome;
}

/** "Request" clicked: files the request as the owner's Overseerr user and explains the outcome. */
export function mediaRequestConfirm(deps: RequestFlowDeps): Processor<'media.request-confirm'> {
  return async (job, ctx) => {
    const { owner, mediaType, tmdbId, title, seasons, is4k } = job.payload;
    ensureOwner(owner, job.requester);
    let linked: Awaited<ReturnType<typeof linkedUser>>;
    try {
      linked = await linkedUser(deps, job.requester);
    } catch (error) {
      return lookupFailure(error);
    }
    if (linked === undefined) return linkHelpReport(job.requester);
    const target = { mediaType, tmdbId, title };
    try {
      const result = await deps.overseerr.request({
        mediaType,
        mediaId: tmdbId,
        is4k,
        asUser: linked.overseerrUserId,
        ...(mediaType === 'tv' ? { seasons: seasons ?? 'all' } : {}),
      });
      if (result.outcome === 'nothing-to-request')
        return await outcomeReport(ctx, { kind: 'nothing-to-request', title }, target);
      await followRequest(deps, ctx, job, result.request.id);
      const outcome: RequestOutcome = { kind: 'created', title, approved: result.approved };
      return await outcomeReport(ctx, outcome, { ...target, requestId: result.request.id }, [
        'I will send you a direct message when it is available.',
      ]);
    } catch (error) {
      return outcomeReport(ctx, await failureOutcome(deps, job, linked.overseerrUserId, error), target);
    }
  };
}
