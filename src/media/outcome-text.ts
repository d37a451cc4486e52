import { AppError } from '../errors.js';
import { overseerrDown } from './overseerr-reply.js';

/** Quota numbers worth showing next to a quota refusal. */
export interface QuotaHint {
  readonly limit?: number | undefined;
  readonly days?: number | undefined;
}

/** Everything a media request can end in, as the chat layer explains it. */
export type RequestOutcome =
  | { readonly kind: 'created'; readonly title: string; readonly approved: boolean }
  | { readonly kind: 'already-available'; readonly title: string }
  | { readonly kind: 'already-requested'; readonly title: string }
  | { readonly kind: 'nothing-to-request'; readonly title: string }
  | { readonly kind: 'quota'; readonly title: string; readonly mediaType: 'movie' | 'tv'; readonly quota?: QuotaHint }
  | { readonly kind: 'forbidden'; readonly title: string; readonly is4k: boolean }
  | { readonly kind: 'duplicate'; readonly title: string }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'timeout' };

function quotaText(o: Extract<RequestOutcome, { kind: 'quota' }>): string {
  const what = o.mediaType === 'tv' ? 'series' : 'movie';
  const limit = o.quota?.limit;
  const days = o.quota?.days;
  const numbers =
    limit !== undefined && days !== undefined
      ? ` (${limit} ${what} request${limit === 1 ? '' : 's'} per ${days} day${days === 1 ? '' : 's'})`
      : '';
  const tvNote = o.mediaType === 'tv' ? ' Series requests count one per season.' : '';
  return `You have used up your ${what} request quota${numbers}, so ${o.title} was not requested. It frees up as older requests age out.${tvNote}`;
}

/** One plain sentence (or two) per outcome; never contains secrets or raw HTTP details. */
export function outcomeText(outcome: RequestOutcome): string {
  switch (outcome.kind) {
    case 'created':
      return outcome.approved
        ? `${outcome.title} is requested and approved; it will download shortly.`
        : `${outcome.title} is requested and waiting for an admin to approve it.`;
    case 'already-available':
      return `${outcome.title} is already available; no request needed.`;
    case 'already-requested':
      return `${outcome.title} has already been requested; it is on its way.`;
    case 'nothing-to-request':
      return `Every season of ${outcome.title} you picked is already requested or available, so there was nothing left to request.`;
    case 'quota':
      return quotaText(outcome);
    case 'forbidden':
      return outcome.is4k
        ? `Your account may not request ${outcome.title} in 4K; ask an admin for the 4K permission.`
        : `Your account may not request ${outcome.title}; ask an admin to allow requests for you.`;
    case 'duplicate':
      return `${outcome.title} was already requested by someone else; it is on its way.`;
    case 'unreachable':
      return 'The media request service (Overseerr) is down right now. Nothing was requested; please try again later.';
    case 'timeout':
      return 'The media request service (Overseerr) did not answer in time. The request may or may not have gone through; check /requests before trying again.';
  }
}

/** Maps a client error to an outcome; undefined for errors that are not request outcomes. */
export function outcomeFromError(
  error: unknown,
  request: {
    readonly title: string;
    readonly mediaType: 'movie' | 'tv';
    readonly is4k?: boolean;
    readonly quota?: QuotaHint;
  },
): RequestOutcome | undefined {
  if (!(error instanceof AppError)) return undefined;
  const down = overseerrDown(error);
  if (down !== undefined) return { kind: down };
  const { title } = request;
  switch (error.code) {
    case 'overseerr-quota':
      return {
        kind: 'quota',
        title,
        mediaType: request.mediaType,
        ...(request.quota === undefined ? {} : { quota: request.quota }),
      };
    case 'overseerr-forbidden':
      return { kind: 'forbidden', title, is4k: request.is4k ?? false };
    case 'overseerr-duplicate':
      return { kind: 'duplicate', title };
    default:
      return undefined;
  }
}

/**
 * What a title's current media status means before requesting (MediaStatus: 2 pending,
 * 3 processing, 4 partially available, 5 available). Unknown numbers (Seerr 6/7) mean "requestable".
 */
export function outcomeFromStatus(
  title: string,
  mediaType: 'movie' | 'tv',
  status: number | undefined,
): RequestOutcome | undefined {
  if (status === 5) return { kind: 'already-available', title };
  if (status === 2 || status === 3) return { kind: 'already-requested', title };
  if (status === 4 && mediaType === 'movie') return { kind: 'already-available', title };
  return undefined;
}
