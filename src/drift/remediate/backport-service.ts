import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEVERITY_RULES } from '../classify.js';
import type { DriftItem, Severity } from '../drift-item.js';
import { interpolationEnv, normalizeProjectName } from '../load-stack.js';
import { applyPlans, type PlannedEdit } from './apply-plans.js';
import { openComposeFiles } from './compose-file.js';
import { addEnvSampleVars } from './env-sample.js';
import { planEdits } from './field-edit.js';
import { keepLiteral, type RunningEntries } from './keep-literal.js';
import { literalWriter, templateWriter, type RetemplateNote } from './value-writer.js';
import { checkWriteBack, renderStack, type RenderOn } from './write-back-check.js';

/** What one backport asks for. */
export interface BackportInput {
  /** `stacks/<stack>` in a clone of the apps repo (edited in place). */
  readonly stackDir: string;
  readonly endpoint: string | null;
  /** Compose project name (engine volume names are `<project>_<volume>`). */
  readonly project: string;
  readonly service: string;
  /** The service's drift items from an audit (already masked). */
  readonly items: readonly DriftItem[];
  readonly knownSecrets?: readonly string[];
  /** The host's `.env` text (secret material: used to render and re-template, never written). */
  readonly hostEnv?: string | undefined;
  /** The project dir on the host (relative binds resolve against it). */
  readonly projectDir?: string | undefined;
  /** The running container's env and labels, unmasked (password hashes git keeps as literals). */
  readonly running?: RunningEntries | undefined;
}

/** One field the backport changed, for the PR body. Values are the audit's (masked) display strings. */
export interface BackportChange {
  readonly path: string;
  readonly file: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly severity: Severity;
  readonly why: string;
}

export interface BackportResult {
  readonly changes: readonly BackportChange[];
  readonly skipped: readonly { readonly item: DriftItem; readonly reason: string }[];
  /** Files written, relative to the stack folder. */
  readonly files: readonly string[];
  /** Secret variables added to `.env.sample`. */
  readonly envSampleVars: readonly string[];
  /** Values written with the repo's variables kept (for the PR body). */
  readonly retemplated?: readonly RetemplateNote[];
}

/** The severity table's explanation for an item. */
export const whyOf = (item: DriftItem): string =>
  SEVERITY_RULES.find((r) => r.path.test(item.path) && (r.kinds === undefined || r.kinds.includes(item.kind)))?.why ??
  'behaves differently';

const placeholder = (v: string): string => `hlb-secret-${v}`;

/** The running value each applied item must render (secrets: the placeholder their new variable gets). */
function wantedOf(plans: readonly PlannedEdit[]): Map<string, string | null> {
  const wanted = new Map<string, string | null>();
  for (const { item, edit } of plans) {
    if (edit.kind === 'entry' && edit.secretVar !== undefined) wanted.set(item.path, placeholder(edit.secretVar));
    else if (edit.kind === 'entry') wanted.set(item.path, edit.value);
    else wanted.set(item.path, item.actual);
  }
  return wanted;
}

async function writerFor(input: BackportInput, on: RenderOn): Promise<ReturnType<typeof templateWriter>> {
  if (input.hostEnv === undefined) return { write: literalWriter, notes: [] };
  return templateWriter(
    await interpolationEnv(
      { stackDir: on.stackDir, endpoint: on.endpoint, hostEnv: input.hostEnv },
      normalizeProjectName(input.project),
    ),
  );
}

/**
 * Edits the stack's compose file(s) so git describes the running service (FR-2.1), one item at a
 * time under the write-back invariant: rendered like compose with the host's `.env` before and after,
 * the drifted field must render its running value and nothing else may change; an item that cannot
 * meet it is skipped with the reason. Values keep the repo's variables, literals are `$`-escaped,
 * secrets are written as `${VAR}` with VAR added to `.env.sample`. Never writes a secret value.
 */
export async function backportService(input: BackportInput): Promise<BackportResult> {
  const on: RenderOn = {
    stackDir: input.stackDir,
    endpoint: input.endpoint,
    hostEnv: input.hostEnv,
    projectDir: input.projectDir,
  };
  const { base, override } = await openComposeFiles(input.stackDir, input.endpoint);
  const originals = [base, override].filter((f) => f !== undefined).map((f) => [f.name, f.original] as const);
  const restore = async (): Promise<void> => {
    for (const [name, text] of originals) await writeFile(join(input.stackDir, name), text);
  };
  const skipped: { item: DriftItem; reason: string }[] = [];
  const accepted: PlannedEdit[] = [];
  for (const planned of planEdits(input.items, input.knownSecrets)) {
    const plan =
      'skipped' in planned
        ? planned
        : keepLiteral(planned, { base, override }, input.service, input.running, input.knownSecrets ?? []);
    if ('skipped' in plan) {
      const files = [base, override].filter((f) => f !== undefined).map((f) => f.name);
      skipped.push({
        item: plan.item,
        reason:
          plan.item.kind === 'missing-container' ? startHint({ ...input, host: plan.item.host }, files) : plan.skipped,
      });
      continue;
    }
    const tried = await tryPlans(input, on, [...accepted, plan]);
    await restore();
    if (tried === undefined) accepted.push(plan);
    else skipped.push({ item: plan.item, reason: tried });
  }
  const { write, notes } = await writerFor(input, on);
  const done = await applyPlans(input, accepted, write);
  const envSampleVars = await addEnvSampleVars(input.stackDir, done.secretVars);
  const files = [...done.files, ...(envSampleVars.length > 0 ? ['.env.sample'] : [])];
  const changes = done.applied.map(({ plan: { item }, file }) => ({
    path: item.path,
    file,
    from: item.expected,
    to: item.actual,
    severity: item.severity,
    why: whyOf(item),
  }));
  return { changes, skipped: [...skipped, ...done.skipped], files, envSampleVars, retemplated: notes };
}

/** A missing container is started on its host, not fixed in git: the exact command. */
export function startHint(
  input: Pick<BackportInput, 'project' | 'service'> & { readonly host?: string },
  files: readonly string[],
): string {
  const f = files.map((name) => `-f ${name}`).join(' ');
  return `the container is missing, git is not what differs: start it${input.host === undefined ? '' : ` on ${input.host}`} in the stack folder with \`docker-compose -p ${input.project} ${f} up -d ${input.service}\``;
}

/** Applies `plans` to fresh files and checks the invariant; the reason the last plan fails it, or undefined. */
async function tryPlans(
  input: BackportInput,
  on: RenderOn,
  plans: readonly PlannedEdit[],
): Promise<string | undefined> {
  // A variable the write-back introduces for a secret counts as set to the running value (the PR says to set it).
  const secrets = plans
    .flatMap(({ edit }) =>
      edit.kind === 'entry' && edit.secretVar !== undefined ? [`${edit.secretVar}=${placeholder(edit.secretVar)}`] : [],
    )
    .join('\n');
  const before = await renderStack(on, secrets);
  const { write } = await writerFor(input, on);
  const done = await applyPlans(input, plans, write);
  const last = plans.at(-1);
  const own = done.skipped.find((s) => s.item === last?.item);
  if (own !== undefined) return own.reason;
  const after = await renderStack(on, secrets);
  if (typeof after === 'string') return `the edited file would not load (${after})`;
  if (typeof before === 'string' || last === undefined) return undefined;
  const broken = checkWriteBack(before, after, input.service, wantedOf(plans));
  const path = last.item.path;
  if (broken !== undefined && after.get(input.service)?.get(path) === before.get(input.service)?.get(path)) {
    return 'writing it changes nothing compose renders (the value comes from a `<<:` merge or an anchor); edit it by hand';
  }
  return broken;
}
