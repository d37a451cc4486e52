import { SEVERITY_RULES } from '../classify.js';
import type { DriftItem, Severity } from '../drift-item.js';
import { openComposeFiles, saveComposeFile, type ComposeFile } from './compose-file.js';
import { entryText } from './edit-entries.js';
import { applyEdit, applyImage } from './edit-service.js';
import { addEnvSampleVars } from './env-sample.js';
import { planEdits, type FieldEdit } from './field-edit.js';
import { pickFile } from './pick-file.js';
import { isMap, serviceNode } from './yaml-nodes.js';

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
}

/** The severity table's explanation for an item. */
export const whyOf = (item: DriftItem): string =>
  SEVERITY_RULES.find((r) => r.path.test(item.path) && (r.kinds === undefined || r.kinds.includes(item.kind)))?.why ?? 'behaves differently';

function composeVolumeName(base: ComposeFile | undefined, project: string, engineName: string): string | undefined {
  const declared = base?.doc.get('volumes', true);
  const names = isMap(declared) ? declared.items.map((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key)) : [];
  const short = engineName.startsWith(`${project}_`) ? engineName.slice(project.length + 1) : engineName;
  return names.includes(short) ? short : undefined;
}

/** Why an edit cannot be applied as is, or the edit to apply. */
function prepare(edit: FieldEdit, file: ComposeFile, input: BackportInput, base: ComposeFile | undefined): FieldEdit | string {
  if (edit.kind === 'entry' && edit.secretVar !== undefined) {
    const current = entryText(serviceNode(file.doc, input.service)?.get(edit.block, true), edit.key);
    if (typeof current === 'string' && current.includes('${')) return 'the value comes from a variable of the host .env; change it there, not in git';
  }
  if (edit.kind === 'volume' && edit.mount?.type === 'volume') {
    const name = composeVolumeName(base, input.project, edit.mount.source);
    if (name === undefined) return `volume ${edit.mount.source} is not declared in the stack`;
    return { ...edit, mount: { ...edit.mount, source: name } };
  }
  return edit;
}

/**
 * Edits the stack's compose file(s) so git describes the running service (FR-2.1): YAML edited in
 * place (comments, order and quoting survive), the endpoint override changed when the value came
 * from it, secrets written as `${VAR}` with VAR added to `.env.sample`. Never writes a secret value.
 */
export async function backportService(input: BackportInput): Promise<BackportResult> {
  const { base, override } = await openComposeFiles(input.stackDir, input.endpoint);
  const changes: BackportChange[] = [];
  const skipped: { item: DriftItem; reason: string }[] = [];
  const images = new Map<ComposeFile, { items: DriftItem[]; edits: Extract<FieldEdit, { kind: 'image' }>[] }>();
  const vars: string[] = [];
  for (const plan of planEdits(input.items, input.knownSecrets)) {
    if ('skipped' in plan) { skipped.push({ item: plan.item, reason: plan.skipped }); continue; }
    const file = pickFile(base, override, input.service, plan.edit);
    const svc = file === undefined ? undefined : serviceNode(file.doc, input.service);
    if (file === undefined || svc === undefined) { skipped.push({ item: plan.item, reason: `service ${input.service} is not in the compose files` }); continue; }
    const edit = prepare(plan.edit, file, input, base);
    if (typeof edit === 'string') { skipped.push({ item: plan.item, reason: edit }); continue; }
    if (edit.kind === 'image') {
      const group = images.get(file) ?? { items: [], edits: [] };
      images.set(file, { items: [...group.items, plan.item], edits: [...group.edits, edit] });
    } else {
      applyEdit(file.doc, svc, edit);
      if (edit.kind === 'entry' && edit.secretVar !== undefined) vars.push(edit.secretVar);
    }
    changes.push({ path: plan.item.path, file: file.name, from: plan.item.expected, to: plan.item.actual, severity: plan.item.severity, why: whyOf(plan.item) });
  }
  for (const [file, group] of images) {
    const svc = serviceNode(file.doc, input.service);
    if (svc !== undefined) applyImage(svc, group.edits);
  }
  const files: string[] = [];
  for (const file of [base, override]) if (file !== undefined && await saveComposeFile(input.stackDir, file)) files.push(file.name);
  const envSampleVars = await addEnvSampleVars(input.stackDir, vars);
  if (envSampleVars.length > 0) files.push('.env.sample');
  return { changes, skipped, files, envSampleVars };
}
