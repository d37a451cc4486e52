import type { ChatPort, Platform } from '../../chat/chat-port.js';
import type { AppConfig } from '../../config/schema.js';
import { createNoticeOverseerr } from '../../media/notify-overseerr.js';
import { requestServerName } from '../../media/overseerr-http.js';
import type { SubscriptionStore } from '../../media/subscriptions.js';
import { bindBackgroundJob, type BackgroundHandlers } from '../../jobs/background-jobs.js';
import { notifyJobs } from './notify-jobs.js';
import { mediaNotifyPollHandler } from './media-notify-poll.js';
import { mediaNotifyHandler, type MediaNotifyDeps } from './media-notify.js';

/** Per-call timeout of the Overseerr reads notices make. */
const overseerrTimeoutMs = 15_000;

/** The notice deps for a loaded config; undefined when Overseerr is not configured. */
export function mediaNotifyDeps(
  config: AppConfig,
  store: SubscriptionStore,
  chats: Partial<Record<Platform, ChatPort>>,
): MediaNotifyDeps | undefined {
  const overseerr = config.media?.overseerr;
  if (overseerr === undefined) return undefined;
  // With Jellyseerr, things become available on Jellyfin (when configured); Overseerr means Plex.
  const jellyfin = overseerr.flavor === 'jellyseerr' || config.media?.plex === undefined;
  const plexWebUrl = jellyfin ? config.media?.jellyfin?.webUrl : config.media?.plex?.webUrl;
  return {
    overseerr: createNoticeOverseerr({
      url: overseerr.url,
      apiKey: overseerr.apiKey,
      timeoutMs: overseerrTimeoutMs,
      flavor: overseerr.flavor,
    }),
    server:
      jellyfin && (overseerr.flavor === 'jellyseerr' || config.media?.jellyfin !== undefined) ? 'Jellyfin' : 'Plex',
    requestServer: requestServerName(overseerr),
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
    'media.notify-poll': bindBackgroundJob(
      'media.notify-poll',
      notifyJobs['media.notify-poll'].schema,
      mediaNotifyPollHandler(deps),
    ),
  };
}
