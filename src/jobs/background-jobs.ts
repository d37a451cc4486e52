import { UnrecoverableError, type Job } from 'bullmq';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import type { RetryPolicy } from './retry-policy.js';

/**
 * Jobs that belong to no chat thread (an Overseerr webhook, the notice poll): no run record, no
 * report; their handler talks to chat itself (e.g. DMs). Same queue and worker as the commands.
 * Features declare them (name → payload schema and retry row); the runtime knows none by name.
 */
export interface BackgroundJobSpec {
  readonly schema: z.ZodType;
  readonly retry: RetryPolicy;
}

/** Job name → spec (a mapped constraint, so a known name never reads as undefined). */
export type BackgroundJobSpecs<M = Record<string, BackgroundJobSpec>> = { readonly [N in keyof M]: BackgroundJobSpec };

export type BackgroundPayload<M extends BackgroundJobSpecs<M>, N extends keyof M> = z.output<M[N]['schema']>;

/** What a background handler gets besides its payload. */
export interface BackgroundContext {
  readonly log: Logger;
  /** 1 on the first try. */
  readonly attempt: number;
}

export type BackgroundHandler<P> = (payload: P, context: BackgroundContext) => Promise<void>;

/** A background job's handler with its payload schema: validates, then runs. */
export interface BoundBackgroundJob {
  run(data: unknown, context: BackgroundContext): Promise<void>;
}

/** Pairs a schema with the handler for its payload type; bad payloads are not retried. */
export function bindBackgroundJob<S extends z.ZodType>(
  name: string,
  schema: S,
  handler: BackgroundHandler<z.output<S>>,
): BoundBackgroundJob {
  return {
    run: async (data, context) => {
      const parsed = schema.safeParse(data);
      if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${name}`);
      await handler(parsed.data, context);
    },
  };
}

/** Bound handlers by job name; a process without the feature's config simply has none. */
export type BackgroundHandlers = Readonly<Record<string, BoundBackgroundJob | undefined>>;

/**
 * The worker's `extraHandlers` for the background jobs: every background job name gets one (a
 * job whose handler this process lacks fails unretried instead of reaching the run-job path).
 */
export function backgroundWorkerHandlers(
  specs: BackgroundJobSpecs,
  handlers: BackgroundHandlers,
  log: Logger,
): Record<string, (job: Job) => Promise<void>> {
  return Object.fromEntries(
    Object.keys(specs).map((name) => [name, (job: Job) => runBackgroundJob(job, name, handlers, log)]),
  );
}

/** Runs one background job; UserErrors and bad payloads are not retried. */
async function runBackgroundJob(job: Job, name: string, handlers: BackgroundHandlers, log: Logger): Promise<void> {
  const handler = handlers[name];
  if (handler === undefined)
    throw new UnrecoverableError(`no handler for ${name} in this worker (media not configured?)`);
  const child = log.child({ job: name, jobId: job.id });
  try {
    await handler.run(job.data, { log: child, attempt: job.attemptsMade + 1 });
  } catch (error) {
    if (error instanceof UnrecoverableError) throw error;
    if (error instanceof UserError) child.info({ code: error.code, reason: error.message }, 'background job refused');
    else child.error({ err: error, attempt: job.attemptsMade + 1 }, 'background job failed');
    throw error instanceof UserError ? new UnrecoverableError(error.message) : error;
  }
}
