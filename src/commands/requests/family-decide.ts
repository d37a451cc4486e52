import { ExternalError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { noticeMessage } from '../../media/notify-message.js';
import type { NoticeRequest } from '../../media/notify-schemas.js';
import { resolveOverseerrUser } from '../../media/resolve-overseerr-user.js';
import type { NoticeKey } from '../../media/subscriptions.js';
import type { Report } from '../../report/report.js';
import type { FamilyDeps } from './family-deps.js';
import { recipientOf } from './family-tell.js';
import { requestStateWords, userName } from './family-words.js';
import type { JobPayload, Processor } from './jobs.js';
import { lookupFailure } from './media-request-reports.js';
import { requestDeclineReason } from './request-decide.js';

/** The reasons offered under Decline (a menu works the same on Discord, Slack and the shell). */
export const declineReasons = {
  none: 'No reason given',
  have: 'We already have it, or another version of it',
  family: 'Not one for the family library',
  space: 'Not enough storage space right now',
  later: 'Not now; please ask again later',
  release: 'No good release is out yet',
} as const;

type DecideJob = JobPayload<'media.request-decide'>;

/** Overseerr's current state first: a request already decided (here or in the web UI) is left alone. */
async function stillPending(
  deps: FamilyDeps,
  requestId: number,
  title: string,
): Promise<{ readonly pending: NoticeRequest } | { readonly refusal: Report }> {
  let current: NoticeRequest;
  try {
    current = await deps.family.request(requestId);
  } catch (error) {
    if (error instanceof ExternalError && error.code === 'overseerr-not-found')
      return {
        refusal: {
          title,
          status: 'warning',
          summary: `The request for ${title} no longer exists in Overseerr, so I did nothing.`,
        },
      };
    return { refusal: lookupFailure(error) };
  }
  if (current.status === 1) return { pending: current };
  const by =
    current.modifiedBy === undefined || current.modifiedBy === null
      ? ''
      : ` by ${userName(deps.people, current.modifiedBy)}`;
  return {
    refusal: {
      title,
      status: 'warning',
      summary: `The request for ${title} is ${requestStateWords(current.status)}${by}, so I did nothing.`,
    },
  };
}

/** 🚫 Decline clicked: still pending → the reason menu (picking one declines); else says why not. */
export function mediaRequestDecline(deps: FamilyDeps): Processor<'media.request-decline'> {
  return async (job, ctx) => {
    const { requestId, title } = job.payload;
    const current = await stillPending(deps, requestId, title);
    if ('refusal' in current) return current.refusal;
    if (ctx.createSelect === undefined) throw new Error('menus are not available in this context');
    const select = await ctx.createSelect(
      requestDeclineReason,
      { requestId, title, decision: 'decline' },
      {
        placeholder: 'Why? (the requester is told)',
        options: Object.entries(declineReasons).map(([value, label]) => ({ value, label })),
      },
    );
    return {
      title: `Decline ${title}?`,
      status: 'warning',
      summary:
        'Pick a reason below to decline; "No reason given" declines without one. Nothing is declined until you pick.',
      select,
    };
  };
}

const reasonOf = (job: DecideJob): string | undefined => {
  const key = job.values?.[0];
  if (key === undefined || key === 'none') return undefined;
  return (declineReasons as Readonly<Record<string, string>>)[key];
};

function outcomeMessage(decision: 'approve' | 'decline', title: string, is4k: boolean, reason: string | undefined) {
  if (decision === 'approve') return noticeMessage({ event: 'MEDIA_APPROVED', is4k, title }, 'requester');
  const name = is4k ? `${title} (4K)` : title;
  return {
    text: `🚫 Your request for ${name} was declined.${reason === undefined ? ' Ask an admin if you think that is a mistake.' : ` Reason: ${reason}.`}`,
  };
}

/**
 * Approve / decline with the deciding operator's own Overseerr user (X-Api-User) when one is mapped,
 * else with the API key's user. The requester's DM (with the reason) takes the notice ledger entry
 * before the change, so the MEDIA_APPROVED/DECLINED webhook that follows sends nothing twice.
 */
async function decide(deps: FamilyDeps, job: DecideJob, current: NoticeRequest, log: Logger): Promise<Report> {
  const { requestId, title, decision } = job.payload;
  const reason = decision === 'decline' ? reasonOf(job) : undefined;
  const operator = await resolveOverseerrUser(job.requester, deps.people, deps.client).catch(() => undefined);
  const to = recipientOf(deps, current.requestedBy);
  const event = decision === 'approve' ? 'MEDIA_APPROVED' : 'MEDIA_DECLINED';
  const key: NoticeKey | undefined =
    to === undefined ? undefined : { event, requestId, platform: to.platform, userId: to.userId };
  const claim = key === undefined ? undefined : await deps.store.claimNotice(key, 120);
  try {
    await deps.family.decide(requestId, decision, operator?.overseerrUserId);
  } catch (error) {
    if (key !== undefined && claim === 'claimed') await deps.store.releaseNotice(key);
    if (error instanceof ExternalError && error.code === 'overseerr-forbidden')
      return {
        title,
        status: 'failed',
        summary: `Overseerr did not let ${operator === undefined ? 'the bot' : 'your Overseerr account'} ${decision} requests, so nothing changed. Give that account the "Manage Requests" permission in Overseerr → Users.`,
      };
    return lookupFailure(error);
  }
  const requester = userName(deps.people, current.requestedBy);
  await deps.trail
    ?.record({
      event: decision === 'approve' ? 'request-approved' : 'request-declined',
      who: job.requester,
      pr: requestId,
      stack: 'media',
      service: title,
      ...(reason === undefined ? {} : { reason }),
    })
    .catch((error: unknown) => {
      log.warn({ err: error }, 'audit trail entry failed');
    });
  let told = claim === 'sent';
  if (key !== undefined && to !== undefined && claim === 'claimed') {
    try {
      const chat = deps.chats[to.platform];
      if (chat === undefined) throw new Error(`no ${to.platform} chat`);
      await chat.sendDirect(to.userId, outcomeMessage(decision, title, current.is4k === true, reason));
      await deps.store.confirmNotice(key);
      told = true;
    } catch (error) {
      await deps.store.releaseNotice(key);
      log.warn({ err: error }, 'telling the requester failed; the webhook notice tries again');
    }
  }
  const heard = told
    ? `${requester} was told.`
    : `I could not message ${requester} (not linked to chat); Overseerr notifies them.`;
  const verb = decision === 'approve' ? '✅ Approved' : '🚫 Declined';
  return {
    title,
    status: 'ok',
    summary: `${verb} ${title} for ${requester}${operator === undefined ? '' : ' with your Overseerr account'}.${reason === undefined ? '' : ` Reason: ${reason}.`} ${heard}`,
  };
}

/** Approve clicked, or a decline reason picked: re-checked against Overseerr, then done once. */
export function mediaRequestDecide(deps: FamilyDeps): Processor<'media.request-decide'> {
  return async (job, ctx) => {
    const current = await stillPending(deps, job.payload.requestId, job.payload.title);
    if ('refusal' in current) return current.refusal;
    return decide(deps, job, current.pending, ctx.log);
  };
}
