import type { FeatureShape } from './define-feature.js';
import type { FeatureContext } from './feature-context.js';
import { commandLabel } from './registry.js';

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

/** Problems of one feature: commands/actions whose job it does not declare, jobs without processor or retry row. */
function featureProblems(f: FeatureShape, ctx: FeatureContext): string[] {
  const problems: string[] = [];
  const processors = f.wire(ctx);
  for (const d of f.commands) {
    if (!Object.hasOwn(f.jobs, d.job))
      problems.push(
        `command /${commandLabel(d)} (${f.name}) enqueues ${d.job}, which is not a job of ${f.name}, so no processor runs it`,
      );
  }
  for (const a of f.actions) {
    if (!Object.hasOwn(f.jobs, a.job))
      problems.push(
        `action ${a.kind} (${f.name}) enqueues ${a.job}, which is not a job of ${f.name}, so no processor runs it`,
      );
  }
  for (const job of Object.keys(f.jobs)) {
    if (typeof processors[job] !== 'function') problems.push(`job ${job} (${f.name}) has no processor in wire(ctx)`);
    if (f.retry[job] === undefined) problems.push(`job ${job} (${f.name}) has no retry row`);
  }
  for (const job of Object.keys(processors)) {
    if (!Object.hasOwn(f.jobs, job)) problems.push(`${f.name} wires a processor for ${job}, which it does not declare`);
  }
  return problems;
}

/**
 * Everything that would only fail at runtime, as readable problems (empty when conformant):
 * a feature folder that is not registered (or a registered name without a folder), a command or
 * action whose job has no processor, a job without a retry row, and names used twice.
 */
export function conformanceProblems(
  features: readonly FeatureShape[],
  folders: readonly string[],
  ctx: FeatureContext,
): string[] {
  const names = features.map((f) => f.name);
  const jobs = features.flatMap((f) => Object.keys(f.jobs));
  return [
    ...folders
      .filter((d) => !names.includes(d))
      .map((d) => `feature folder src/commands/${d}/ is not registered in src/commands/registry.ts`),
    ...names
      .filter((n) => !folders.includes(n))
      .map((n) => `feature ${n} is registered but has no folder src/commands/${n}/`),
    ...duplicates(names).map((n) => `feature ${n} is registered twice`),
    ...duplicates(jobs).map((j) => `job ${j} is declared by more than one feature`),
    ...duplicates(features.flatMap((f) => f.commands.map(commandLabel))).map((c) => `command /${c} is defined twice`),
    ...duplicates(features.flatMap((f) => f.actions.map((a) => a.kind))).map(
      (k) => `action kind ${k} is defined twice`,
    ),
    ...features.flatMap((f) => featureProblems(f, ctx)),
  ];
}
