import type { JobSpecs, JobTable } from '../jobs/job-table.js';
import type { ScheduledTask } from '../jobs/scheduled-task.js';
import { catalogFeature } from './catalog/index.js';
import type { ActionDefinition, CommandDefinition } from './define-command.js';
import type { FeatureShape } from './define-feature.js';
import { driftFeature } from './drift/index.js';
import { e2eFeature } from './e2e/index.js';
import type { FeatureContext } from './feature-context.js';
import { healthFeature } from './health/index.js';
import { remediationFeature } from './remediation/index.js';
import { requestsFeature } from './requests/index.js';
import { statusFeature } from './status/index.js';

/**
 * Every feature, listed explicitly: one line per folder under `src/commands/` (registry.test.ts
 * fails when a folder is missing here, a command's job has no processor or a job no retry row).
 */
export const features = [
  statusFeature,
  driftFeature,
  remediationFeature,
  healthFeature,
  e2eFeature,
  requestsFeature,
  catalogFeature,
] as const;

type AnyFeature = (typeof features)[number];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** One processor per job of every feature (what `wireFeatures` returns; tests may replace entries). */
export type Processors = UnionToIntersection<ReturnType<AnyFeature['wire']>>;

const shapes: readonly FeatureShape[] = features;

/** Every slash command, feature by feature. */
export const commands: readonly CommandDefinition[] = shapes.flatMap((f) => f.commands);

/** Every button/select action kind. */
export const actions: readonly ActionDefinition[] = shapes.flatMap((f) => f.actions);

/** What the dispatcher looks things up in; tests may build their own. */
export interface Registry {
  readonly commands: readonly CommandDefinition[];
  readonly actions: readonly ActionDefinition[];
}

export const registry: Registry = { commands, actions };

/** Job name → payload schema and retry row, for producers (the bot half needs no processors). */
export function jobSpecsOf(list: readonly FeatureShape[]): JobSpecs {
  return Object.fromEntries(
    list.flatMap((f) =>
      Object.entries(f.jobs).map(([name, schema]) => {
        const retry = f.retry[name];
        if (retry === undefined) throw new Error(`job ${name} (${f.name}) has no retry row`);
        return [name, { schema, retry }];
      }),
    ),
  );
}

export const jobSpecs: JobSpecs = jobSpecsOf(shapes);

/**
 * Every feature's processors, built from one shared context: the only wiring, used by every
 * composition root (service, worker, shell). The roots differ only in the adapters in `ctx`.
 */
export function wireFeatures(ctx: FeatureContext): Processors {
  // Each feature's `wire` is typed to cover exactly its own jobs; their union is every job.
  return Object.fromEntries(features.flatMap((f) => Object.entries(f.wire(ctx)))) as Processors;
}

/** The worker's job table: every job with its schema, retry row and processor. */
export function bindJobs(processors: Processors): JobTable {
  return Object.fromEntries(features.flatMap((f) => Object.entries(f.bind(processors))));
}

/** The periodic tasks the features offer for this config (`schedules.*`). */
export function scheduledTasks(ctx: FeatureContext): ScheduledTask[] {
  return shapes.flatMap((f) => f.schedule?.(ctx) ?? []);
}

/** `drift audit` / `ping` label of a definition, without the slash. */
export const commandLabel = (d: Pick<CommandDefinition, 'command' | 'subcommand'>): string =>
  d.subcommand === undefined ? d.command : `${d.command} ${d.subcommand}`;

export const findCommand = (r: Registry, command: string, subcommand?: string): CommandDefinition | undefined =>
  r.commands.find((d) => d.command === command && d.subcommand === subcommand);

export const findAction = (r: Registry, kind: string): ActionDefinition | undefined =>
  r.actions.find((a) => a.kind === kind);

/** Whether `/command` takes a sub-command word (for shell/Slack line parsing). */
export const hasSubcommands = (r: Registry, command: string): boolean =>
  r.commands.some((d) => d.command === command && d.subcommand !== undefined);
