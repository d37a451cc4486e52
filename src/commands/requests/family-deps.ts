import type { ChatPort, Platform } from '../../chat/chat-port.js';
import type { Person } from '../../config/schema.js';
import type { ReportTarget } from '../../jobs/run-scheduled.js';
import type { FamilyOverseerr } from '../../media/overseerr-family.js';
import type { OverseerrClient } from '../../media/overseerr-client.js';
import type { NoticeOverseerr } from '../../media/notify-overseerr.js';
import type { SubscriptionStore } from '../../media/subscriptions.js';
import type { ActionStore } from '../../store/action-store.js';
import type { AuditTrailStore } from '../../store/audit-trail-store.js';
import type { DedupeStore } from '../../store/dedupe-store.js';
import type { RunStore } from '../../store/run-store.js';

/**
 * What the family loop (approve/decline, `/report`, issue replies) needs in a run job. Works the
 * same against Overseerr and Jellyseerr: every call it makes has the same path and body in both.
 */
export interface FamilyDeps {
  readonly family: FamilyOverseerr;
  readonly client: Pick<OverseerrClient, 'movie' | 'tv' | 'quota' | 'findUserByDiscordId' | 'search'>;
  readonly notices: Pick<NoticeOverseerr, 'recentRequests'>;
  readonly people: readonly Person[];
  /** DMs to requesters and reporters (absent in processes without chat, e.g. the CLI). */
  readonly chats: Partial<Record<Platform, ChatPort>>;
  /** The notice ledger: each DM once, shared with the webhook and poll notices. */
  readonly store: SubscriptionStore;
  readonly trail: Pick<AuditTrailStore, 'record'> | undefined;
  /** Rate-limit slots (shared with /request) and the card posters' short locks. */
  readonly slots: Pick<DedupeStore, 'acquire' | 'replace'>;
  readonly requestsPerHour: number;
}

/** What the background side (webhook jobs, poll) needs to post cards into operator channels. */
export interface FamilyBackgroundDeps extends FamilyDeps {
  readonly runStore: RunStore;
  readonly actionStore: ActionStore;
  readonly actionTtlMs: number;
  /** Operator channels for pending requests (`media.overseerr.requestsChannel`, else the report channels). */
  readonly requestsTargets: readonly ReportTarget[];
  /** Operator channels for reported problems (`media.overseerr.issuesChannel`, else the report channels). */
  readonly issuesTargets: readonly ReportTarget[];
}
