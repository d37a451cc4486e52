import type { Platform } from '../chat/chat-port.js';

/** Overseerr media type. */
export type MediaKind = 'movie' | 'tv';

/**
 * The Overseerr events a chat user can be told about. For issue events the ledger's `requestId`
 * holds the comment id (ISSUE_COMMENT) or the issue id (ISSUE_RESOLVED / ISSUE_REOPENED).
 */
export type NoticeEvent =
  | 'MEDIA_AVAILABLE'
  | 'MEDIA_APPROVED'
  | 'MEDIA_DECLINED'
  | 'MEDIA_FAILED'
  | 'ISSUE_COMMENT'
  | 'ISSUE_RESOLVED'
  | 'ISSUE_REOPENED';

/** A chat user who wants to hear about a title ("notify me too"). */
export interface Subscriber {
  readonly platform: Platform;
  readonly userId: string;
}

/**
 * What a subscription is attached to: the media (TMDB id + type) and, when known, one Overseerr
 * request. Listing by a request also returns the media's subscribers, so either key works.
 */
export interface SubscriptionTarget {
  readonly mediaType: MediaKind;
  readonly tmdbId: number;
  readonly requestId?: number;
}

/** One notice to one user: exactly once per (event, request, user). */
export interface NoticeKey {
  readonly event: NoticeEvent;
  readonly requestId: number;
  readonly platform: Platform;
  readonly userId: string;
}

/** Outcome of {@link SubscriptionStore.claimNotice}. */
export type NoticeClaim = 'claimed' | 'sent' | 'busy';

/** Durable "notify me too" subscriptions and the sent-notice ledger (Redis: `src/store/subscription-store.ts`). */
export interface SubscriptionStore {
  /** Adds the subscriber; true when new, false when already subscribed. */
  subscribe(target: SubscriptionTarget & Subscriber): Promise<boolean>;
  /** Removes the subscriber from the media and (when given) the request. */
  unsubscribe(target: SubscriptionTarget & Subscriber): Promise<void>;
  /** Subscribers of the media and of the request (deduplicated, in a stable order). */
  list(target: SubscriptionTarget): Promise<Subscriber[]>;
  /**
   * Takes the right to send one notice: `claimed` (send it, then `confirmNotice`, or
   * `releaseNotice` when sending failed), `sent` (already delivered) or `busy` (another worker holds
   * the lease; the lease ends after `leaseSeconds` so a crashed sender does not block forever).
   */
  claimNotice(key: NoticeKey, leaseSeconds?: number): Promise<NoticeClaim>;
  /** Records the notice as delivered (durable). */
  confirmNotice(key: NoticeKey): Promise<void>;
  /** Gives up a claim so a later webhook or poll may send the notice. */
  releaseNotice(key: NoticeKey): Promise<void>;
  /** Marks a notice as delivered; true the first time, false when it already was (idempotent). */
  markNotified(key: NoticeKey): Promise<boolean>;
  isNotified(key: NoticeKey): Promise<boolean>;
  /** Forgets a delivered notice, so it may be sent again (an issue resolved, reopened, resolved again). */
  forgetNotice(key: NoticeKey): Promise<void>;
  /** True only the first time `flag` is raised (durable), e.g. the poll's one-off baseline. */
  firstTime(flag: string): Promise<boolean>;
}
