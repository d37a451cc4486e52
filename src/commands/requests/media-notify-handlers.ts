import type { ChatPort, Platform } from '../../chat/chat-port.js';
import type { AppConfig } from '../../config/schema.js';
import { createNoticeOverseerr } from '../../media/notify-overseerr.js';
import type { SubscriptionStore } from '../../media/subscriptions.js';
import { bindBackgroundJob, type BackgroundHandlers } from '../../jobs/background-jobs.js';
import { notifyJobs } from './notify-jobs.js';
import { mediaNotifyPollHandler } from './media-notify-poll.js';
import { mediaNotifyHandler, type MediaNotifyDeps } from './media-notify.js';

/** The notice deps for a loaded config; undefined when Overseerr is not configured. */
export function mediaNotifyDeps(
  config: AppConfig,
  store: SubscriptionStore,
  chats: Partial<Record<Platform, ChatPort>>,
): MediaNotifyDeps | undefined {
  const overseerr = config.media?.overseerr;
  if (overseerr === undefined) return undefined;
  const plexWebUrl = config.media?.plex?.webUrl;
  return {
    overseerr: createNoticeOverseerr({
      url: overseerr.url,
      apiKey: overseerr.apiKey,
      timeoutMs: config.timeouts.ms.http,
    }),
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
