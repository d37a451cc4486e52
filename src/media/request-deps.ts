import type { Person } from '../config/schema.js';
import { UserError } from '../errors.js';
import type { DedupeStore } from '../store/dedupe-store.js';
import type { OverseerrClient } from './overseerr-client.js';
import { resolveOverseerrUser, type ChatIdentity, type LinkedOverseerrUser } from './resolve-overseerr-user.js';
import type { SubscriptionStore } from './subscriptions.js';

/** What the `/request` flow needs; the composition root builds it from config and the stores. */
export interface RequestFlowDeps {
  readonly overseerr: OverseerrClient;
  /** The people table (`overseerrUserId` links Slack and shell users). */
  readonly people: readonly Person[];
  /** Rate-limit slots (the dedupe store's atomic SET NX EX). */
  readonly slots: Pick<DedupeStore, 'acquire'>;
  readonly subscriptions: Pick<SubscriptionStore, 'subscribe'>;
  /** `rateLimits.requestsPerHour`. */
  readonly requestsPerHour: number;
}

/** The Overseerr user a chat user acts as; undefined when not linked. */
export const linkedUser = (deps: RequestFlowDeps, who: ChatIdentity): Promise<LinkedOverseerrUser | undefined> =>
  resolveOverseerrUser(who, deps.people, deps.overseerr);

/** The owner stored with a menu or button, as the requester of the job that created it. */
export interface FlowOwner {
  readonly platform: ChatIdentity['platform'];
  readonly id: string;
  readonly name?: string | undefined;
}

/** Only the person who started a request may use its menus and buttons. */
export function ensureOwner(owner: FlowOwner, clicker: ChatIdentity): void {
  if (owner.platform === clicker.platform && owner.id === clicker.id) return;
  throw new UserError(
    'request-not-yours',
    `This menu belongs to ${owner.name ?? 'someone else'}'s request, so nothing was done. Start your own with /request movie or /request tv.`,
  );
}

/** `owner` payload from a job requester (ids and name only). */
export const toOwner = (who: FlowOwner): FlowOwner => ({
  platform: who.platform,
  id: who.id,
  ...(who.name === undefined ? {} : { name: who.name }),
});
