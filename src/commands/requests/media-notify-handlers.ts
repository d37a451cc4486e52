import { serverNames } from './name-reports.js';
import type { ChatPort, Platform } from '../../chat/chat-port.js';
import type { AppConfig } from '../../config/schema.js';
import { createNoticeOverseerr } from '../../media/notify-overseerr.js';
import type { SubscriptionStore } from '../../media/subscriptions.js';
import { bindBackgroundJob, type BackgroundHandlers } from '../../jobs/background-jobs.js';
import { notifyJobs } from './notify-jobs.js';
import { mediaNotifyPollHandler } from './media-notify-poll.js';
import { mediaNotifyHandler, type MediaNotifyDeps } from './media-notify.js';
import type { ReportTarget } from '../../jobs/run-scheduled.js';
import type { ActionStore } from '../../store/action-store.js';
import type { AuditTrailStore } from '../../store/audit-trail-store.js';
import type { DedupeStore } from '../../store/dedupe-store.js';
import type { RunStore } from '../../store/run-store.js';
import { familyJobHandler } from './family-background.js';
import { familyDepsFrom } from './family-processors.js';

/** What the family cards need besides config and chats (the service root passes its stores). */
export interface FamilyCardStores {
  readonly runStore: RunStore;
  readonly actionStore: ActionStore;
  readonly dedupeStore: DedupeStore;
  readonly auditTrailStore: AuditTrailStore;
  readonly actionTtlMs: number;
  /** The report channels, used where `media.overseerr.requestsChannel` / `issuesChannel` name none. */
  readonly reportTargets: readonly ReportTarget[];
}

const targetsFor = (
  channels: { readonly discord?: string | undefined; readonly slack?: string | undefined } | undefined,
  defaults: readonly ReportTarget[],
): ReportTarget[] =>
  defaults.map((t) => {
    const chosen = t.platform === 'discord' ? channels?.discord : t.platform === 'slack' ? channels?.slack : undefined;
    return chosen === undefined ? t : { ...t, channelId: chosen };
  });

/** The notice deps for a loaded config; undefined when Overseerr is not configured. */
export function mediaNotifyDeps(
  config: AppConfig,
  store: SubscriptionStore,
  chats: Partial<Record<Platform, ChatPort>>,
  cards?: FamilyCardStores,
): MediaNotifyDeps | undefined {
  const overseerr = config.media?.overseerr;
  if (overseerr === undefined) return undefined;
  // With Jellyseerr (or Jellyfin without Plex), things become available on Jellyfin; otherwise on Plex.
  const names = serverNames(config);
  const plexWebUrl = names.library === 'Jellyfin' ? config.media?.jellyfin?.webUrl : config.media?.plex?.webUrl;
  const family =
    cards === undefined
      ? undefined
      : familyDepsFrom(
          config,
          { dedupeStore: cards.dedupeStore, subscriptionStore: store, auditTrailStore: cards.auditTrailStore },
          chats,
        );
  return {
    ...(family === undefined || cards === undefined
      ? {}
      : {
          family: {
            ...family,
            runStore: cards.runStore,
            actionStore: cards.actionStore,
            actionTtlMs: cards.actionTtlMs,
            requestsTargets: targetsFor(overseerr.requestsChannel, cards.reportTargets),
            issuesTargets: targetsFor(overseerr.issuesChannel, cards.reportTargets),
          },
        }),
    overseerr: createNoticeOverseerr({
      url: overseerr.url,
      apiKey: overseerr.apiKey,
      timeoutMs: config.timeouts.ms.http,
      flavor: overseerr.flavor,
    }),
    server: names.library,
    requestServer: names.requestServer,
    people: config.people,
    chats,
    store,
    ...(plexWebUrl === undefined ? {} : { plexWebUrl }),
  };
}

/** `media.notify` and `media.notify-poll` handlers, or none without Overseerr. */
export function mediaNotifyHandlers(deps: MediaNotifyDeps | undefined): BackgroundHandlers {
  if (deps === undefined) return {};
  return {
    'media.notify': bindBackgroundJob('media.notify', notifyJobs['media.notify'].schema, mediaNotifyHandler(deps)),
    ...(deps.family === undefined
      ? {}
      : {
          'media.family': bindBackgroundJob(
            'media.family',
            notifyJobs['media.family'].schema,
            familyJobHandler(deps.family),
          ),
        }),
    'media.notify-poll': bindBackgroundJob(
      'media.notify-poll',
      notifyJobs['media.notify-poll'].schema,
      mediaNotifyPollHandler(deps),
    ),
  };
}
