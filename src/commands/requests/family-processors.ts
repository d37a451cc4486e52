import type { ChatPort, Platform } from '../../chat/chat-port.js';
import type { AppConfig } from '../../config/schema.js';
import { createNoticeOverseerr } from '../../media/notify-overseerr.js';
import { createFamilyOverseerr } from '../../media/overseerr-family.js';
import { createOverseerrClient } from '../../media/overseerr-client.js';
import type { SubscriptionStore } from '../../media/subscriptions.js';
import type { AuditTrailStore } from '../../store/audit-trail-store.js';
import type { DedupeStore } from '../../store/dedupe-store.js';
import type { FamilyDeps } from './family-deps.js';
import { mediaRequestDecide, mediaRequestDecline } from './family-decide.js';
import { mediaIssueComment, mediaIssueResolve } from './family-issues.js';
import { mediaReport, mediaReportStep } from './family-report.js';
import type { Processors } from './jobs.js';
import { requestsNotConfigured } from './media-request-processors.js';

/** The job names of the family loop. */
export type FamilyJobs =
  | 'media.request-decide'
  | 'media.request-decline'
  | 'media.report'
  | 'media.report-step'
  | 'media.issue-comment'
  | 'media.issue-resolve';

/** The family loop's deps for a loaded config (same Overseerr settings as `/request`); undefined without Overseerr. */
export function familyDepsFrom(
  config: AppConfig,
  stores: {
    readonly dedupeStore: DedupeStore;
    readonly subscriptionStore: SubscriptionStore;
    readonly auditTrailStore?: AuditTrailStore;
  },
  chats: Partial<Record<Platform, ChatPort>>,
): FamilyDeps | undefined {
  const overseerr = config.media?.overseerr;
  if (overseerr === undefined) return undefined;
  const http = { url: overseerr.url, apiKey: overseerr.apiKey, timeoutMs: 10_000 };
  return {
    family: createFamilyOverseerr(http),
    client: createOverseerrClient(http),
    notices: createNoticeOverseerr(http),
    people: config.people,
    chats,
    store: stores.subscriptionStore,
    trail: stores.auditTrailStore,
    slots: stores.dedupeStore,
    requestsPerHour: config.rateLimits.requestsPerHour,
  };
}

/** The family loop's processors, or clear refusals without `media.overseerr`. */
export function familyProcessors(deps: FamilyDeps | undefined): Pick<Processors, FamilyJobs> {
  if (deps === undefined)
    return {
      'media.request-decide': requestsNotConfigured(),
      'media.request-decline': requestsNotConfigured(),
      'media.report': requestsNotConfigured(),
      'media.report-step': requestsNotConfigured(),
      'media.issue-comment': requestsNotConfigured(),
      'media.issue-resolve': requestsNotConfigured(),
    };
  return {
    'media.request-decide': mediaRequestDecide(deps),
    'media.request-decline': mediaRequestDecline(deps),
    'media.report': mediaReport(deps),
    'media.report-step': mediaReportStep(deps),
    'media.issue-comment': mediaIssueComment(deps),
    'media.issue-resolve': mediaIssueResolve(deps),
  };
}
