import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import { webhookNoticeSchema } from '../media/notify-event.js';

/**
 * Jobs that belong to no chat thread (an Overseerr webhook, the notice poll): no run record, no
 * report; their handler talks to chat itself (e.g. DMs). Same queue and worker as the commands.
 */
export const backgroundJobMap = {
  'media.notify': webhookNoticeSchema,
  'media.notify-poll': z.object({}).strict(),
} as const;

export type BackgroundJobName = keyof typeof backgroundJobMap;
export type BackgroundPayload<N extends BackgroundJobName> = z.infer<(typeof backgroundJobMap)[N]>;

/** What a background handler gets besides its payload. */
export interface BackgroundContext {
  readonly log: Logger;
  /** 1 on the first try. */
  readonly attempt: number;
}

export type BackgroundHandler<N extends BackgroundJobName> = (payload: BackgroundPayload<N>, context: BackgroundContext) => Promise<void>;

/** Handlers by job name; a process without media config simply has none. */
export type BackgroundHandlers = { readonly [N in BackgroundJobName]?: BackgroundHandler<N> };

/** Attempts and backoff per background job (the poll runs again on its own schedule). */
export const backgroundRetry: Readonly<Record<BackgroundJobName, { attempts: number; backoff: { type: 'exponential'; delay: number } }>> = {
  'media.notify': { attempts: 6, backoff: { type: 'exponential', delay: 5_000 } },
  'media.notify-poll': { attempts: 1, backoff: { type: 'exponential', delay: 5_000 } },
};

/**
 * The worker's `extraHandlers` for the background jobs: every background job name gets one (a
 * job whose handler this process lacks fails unretried instead of reaching the run-job path).
 */
export function backgroundWorkerHandlers(handlers: BackgroundHandlers, log: Logger): Record<string, (job: Job) => Promise<void>> {
  return Object.fromEntries(Object.keys(backgroundJobMap).map((name) => [name, (job: Job) => runBackgroundJob(job, handlers, log)]));
}

/** Validates and runs one background job; UserErrors and bad payloads are not retried. */
async function runBackgroundJob(job: Job, handlers: BackgroundHandlers, log: Logger): Promise<void> {
  const name = job.name as BackgroundJobName;
  const handler = handlers[name] as BackgroundHandler<BackgroundJobName> | undefined;
  if (handler === undefined) throw new UnrecoverableError(`no handler for ${name} in this worker (media not configured?)`);
  const parsed = backgroundJobMap[name].safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${name}`);
  const child = log.child({ job: name, jobId: job.id });
  try {
    await handler(parsed.data, { log: child, attempt: job.attemptsMade + 1 });
  } catch (error) {
    child.error({ err: error, attempt: job.attemptsMade + 1 }, 'background job failed');
    throw error instanceof UserError ? new UnrecoverableError(error.message) : error;
  }
}
