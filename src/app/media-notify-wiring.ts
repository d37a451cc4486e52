import type { ChatPort, Platform } from '../chat/chat-port.js';
import type { AppConfig } from '../config/schema.js';
import type { RouteHandler } from '../http/health-server.js';
import { overseerrWebhookRoute } from '../http/overseerr-webhook-route.js';
import { backgroundWorkerHandlers } from '../jobs/background-jobs.js';
import { createBackgroundQueue } from '../jobs/background-queue.js';
import { mediaNotifyDeps, mediaNotifyHandlers, notifyJobs, type FamilyCardStores } from '../commands/requests/index.js';
import type { WorkerOptions } from '../jobs/worker.js';
import type { Logger } from '../log.js';
import type { SubscriptionStore } from '../media/subscriptions.js';

export interface MediaNotifyWiringOptions {
  readonly config: AppConfig;
  readonly roles: { readonly bot: boolean; readonly worker: boolean };
  readonly redisUrl: string;
  /** BullMQ prefix shared with the worker. */
  readonly prefix: string;
  readonly store: SubscriptionStore;
  readonly chats: Partial<Record<Platform, ChatPort>>;
  readonly log: Logger;
  /** Stores and channels for the operator's pending-request and issue cards (the family loop). */
  readonly cards?: FamilyCardStores;
}

/** What the composition root mounts: worker handlers, the webhook route, and a closer. */
export interface MediaNotifyWiring {
  readonly workerHandlers: NonNullable<WorkerOptions['extraHandlers']>;
  readonly routes: readonly RouteHandler[];
  close(): Promise<void>;
}

/**
 * Overseerr notices: the bot serves `POST /hooks/overseerr` (→ `media.notify` jobs), the worker
 * handles them and keeps the backup-poll scheduler (`media.notify-poll`) up to date.
 * Without `media.overseerr` there is nothing to wire.
 */
export async function startMediaNotify(o: MediaNotifyWiringOptions): Promise<MediaNotifyWiring> {
  const overseerr = o.config.media?.overseerr;
  if (overseerr === undefined) return { workerHandlers: {}, routes: [], close: () => Promise.resolve() };
  const queue = createBackgroundQueue({ redisUrl: o.redisUrl, prefix: o.prefix, jobs: notifyJobs });
  const log = o.log.child({ unit: 'media-notify' });
  if (o.roles.worker) await queue.every('media.notify-poll', overseerr.notifyPollMs, {});
  if (o.roles.bot && overseerr.webhookSecret === undefined)
    log.warn('media.overseerr.webhookSecret is not set: Overseerr webhooks are refused; notices rely on the poll');
  return {
    workerHandlers: o.roles.worker
      ? backgroundWorkerHandlers(
          notifyJobs,
          mediaNotifyHandlers(mediaNotifyDeps(o.config, o.store, o.chats, o.cards)),
          log,
        )
      : {},
    routes: o.roles.bot
      ? [
          overseerrWebhookRoute({
            secret: overseerr.webhookSecret,
            enqueue: (notice, jobId) => queue.enqueue('media.notify', notice, jobId),
            enqueueFamily: (job, jobId) => queue.enqueue('media.family', job, jobId),
            log,
          }),
        ]
      : [],
    close: () => queue.close(),
  };
}
