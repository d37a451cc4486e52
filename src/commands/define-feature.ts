import type { z } from 'zod';
import { bindJob, type JobTable, type RunPayload } from '../jobs/job-table.js';
import type { Processor } from '../jobs/processor.js';
import { defaultRetry, type RetryPolicy } from '../jobs/retry-policy.js';
import type { ScheduledTask } from '../jobs/scheduled-task.js';
import type { ActionDefinition, CommandDefinition } from './define-command.js';
import type { FeatureContext } from './feature-context.js';

/** A feature's jobs: job name (`drift.audit`) → payload schema. */
export type JobSchemas = Readonly<Record<string, z.ZodType<RunPayload>>>;

/** The payload of job `N` of a feature's jobs `J`, after validation. */
export type JobPayloadOf<J extends JobSchemas, N extends keyof J> = z.output<J[N]>;

/** One processor per job of `J`: a missing one is a compile error in `wire`. */
export type FeatureProcessors<J extends JobSchemas> = { readonly [N in keyof J]: Processor<JobPayloadOf<J, N>> };

/** One retry row per job of `J`. */
export type RetryRows<J extends JobSchemas> = { readonly [N in keyof J]: RetryPolicy };

/**
 * One feature, declared as data: its commands and actions (each naming a job of this feature,
 * checked by the compiler), the jobs' payload schemas and retry rows, and `wire(ctx)`, which builds
 * every job's processor from the shared context. Registered in `registry.ts`.
 */
export interface FeatureSpec<J extends JobSchemas> {
  /** The feature folder's name under `src/commands/` (the conformance test matches them). */
  readonly name: string;
  readonly commands: readonly CommandDefinition<z.ZodObject, keyof J & string>[];
  readonly actions: readonly ActionDefinition<z.ZodObject, keyof J & string>[];
  readonly jobs: J;
  readonly retry: RetryRows<J>;
  readonly wire: (ctx: FeatureContext) => FeatureProcessors<J>;
  /** Periodic work this feature offers for `schedules.*` (only what the config allows). */
  readonly schedule?: (ctx: FeatureContext) => readonly ScheduledTask[];
}

export interface Feature<J extends JobSchemas> extends FeatureSpec<J> {
  /** Pairs each job with its processor for the worker (`processors` may come from `wire` or a test). */
  readonly bind: (processors: FeatureProcessors<J>) => JobTable;
}

/**
 * Any feature, with its job names erased: what the conformance check and the job-table builder
 * iterate (every `Feature<J>` is one).
 */
export interface FeatureShape {
  readonly name: string;
  readonly commands: readonly CommandDefinition[];
  readonly actions: readonly ActionDefinition[];
  readonly jobs: Readonly<Record<string, z.ZodType<RunPayload>>>;
  readonly retry: Readonly<Record<string, RetryPolicy | undefined>>;
  readonly wire: (ctx: FeatureContext) => Readonly<Record<string, unknown>>;
  readonly schedule?: ((ctx: FeatureContext) => readonly ScheduledTask[]) | undefined;
}

const jobNames = <J extends JobSchemas>(jobs: J): (keyof J & string)[] => Object.keys(jobs);

/**
 * One retry row per job of `jobs`: `base` (default `defaultRetry`) unless `overrides` names
 * the job. A feature writes down only the jobs that differ, with the reason.
 */
export function retryRows<J extends JobSchemas>(
  jobs: J,
  overrides: Partial<RetryRows<J>> = {},
  base: RetryPolicy = defaultRetry,
): RetryRows<J> {
  return Object.fromEntries(jobNames(jobs).map((name) => [name, overrides[name] ?? base])) as RetryRows<J>;
}

export function defineFeature<const J extends JobSchemas>(spec: FeatureSpec<J>): Feature<J> {
  return {
    ...spec,
    bind: (processors) =>
      Object.fromEntries(
        jobNames(spec.jobs).map((name) => [name, bindJob(spec.jobs[name], spec.retry[name], processors[name])]),
      ),
  };
}
