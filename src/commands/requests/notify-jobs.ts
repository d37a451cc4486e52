import { z } from 'zod';
import type { BackgroundHandler, BackgroundPayload } from '../../jobs/background-jobs.js';
import { webhookNoticeSchema } from '../../media/notify-event.js';
import { familyWebhookSchema } from '../../media/webhook-family.js';

/**
 * The notices' background jobs (no chat thread): an Overseerr webhook → `media.notify`, and the
 * backup poll `media.notify-poll` (a job scheduler). The poll runs again on its own schedule.
 */
export const notifyJobs = {
  'media.notify': {
    schema: webhookNoticeSchema,
    retry: { attempts: 6, backoff: { type: 'exponential', delay: 5_000 } },
  },
  /** MEDIA_PENDING → the operator's Approve/Decline card; ISSUE_* → issue card or the reporter told. */
  'media.family': {
    schema: familyWebhookSchema,
    retry: { attempts: 6, backoff: { type: 'exponential', delay: 5_000 } },
  },
  'media.notify-poll': {
    schema: z.object({}).strict(),
    retry: { attempts: 1, backoff: { type: 'exponential', delay: 5_000 } },
  },
} as const;

export type NotifyJobs = typeof notifyJobs;

/** A handler of one notice job, by name. */
export type NotifyHandler<N extends keyof NotifyJobs> = BackgroundHandler<BackgroundPayload<NotifyJobs, N>>;
