import type { DriftItem } from '../drift-item.js';
import { openComposeFiles, saveComposeFile, type ComposeFile } from './compose-file.js';
import { entryText } from './edit-entries.js';
import { applyEdit, applyImage } from './edit-service.js';
import type { FieldEdit } from './field-edit.js';
import { pickFile } from './pick-file.js';
import type { ValueWriter } from './value-writer.js';
import { isMap, serviceNode } from './yaml-nodes.js';

/** One item with its edit, ready to apply. */
export interface PlannedEdit {
  readonly item: DriftItem;
  readonly edit: FieldEdit;
}

/** What one service's write-back needs to know. */
export interface ApplyTarget {
  readonly stackDir: string;
  readonly endpoint: string | null;
  readonly project: string;
  readonly service: string;
}

/** The outcome of applying a set of edits to fresh copies of the files. */
export interface Applied {
  readonly applied: readonly { readonly plan: PlannedEdit; readonly file: string }[];
  readonly skipped: readonly { readonly item: DriftItem; readonly reason: string }[];
  /** Files whose text changed (written to disk). */
  readonly files: readonly string[];
  readonly secretVars: readonly string[];
}

function composeVolumeName(base: ComposeFile | undefined, project: string, engineName: string): string | undefined {
  const declared = base?.doc.get('volumes', true);
  const names = isMap(declared)
    ? declared.items.map((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key))
    : [];
  const short = engineName.startsWith(`${project}_`) ? engineName.slice(project.length + 1) : engineName;
  return names.includes(short) ? short : undefined;
}

/** Why an edit cannot be applied as is, or the edit to apply. */
function prepare(
  edit: FieldEdit,
  file: ComposeFile,
  target: ApplyTarget,
  base: ComposeFile | undefined,
): FieldEdit | string {
  if (edit.kind === 'entry' && edit.secretVar !== undefined) {
    const current = entryText(serviceNode(file.doc, target.service)?.get(edit.block, true), edit.key);
    if (typeof current === 'string' && current.includes('${'))
      return 'the value comes from a variable of the host .env; change it there, not in git';
    // An escaped literal (an htpasswd hash `$$apr1$$…`) stays a literal: a new `${VAR}` would render empty from git.
    if (typeof current === 'string' && current.includes('$$'))
      return 'the repo holds this secret as an escaped literal and the bot never writes secret values; edit it by hand';
  }
  if (edit.kind === 'volume' && edit.mount?.type === 'volume') {
    const name = composeVolumeName(base, target.project, edit.mount.source);
    if (name === undefined) return `volume ${edit.mount.source} is not declared in the stack`;
    return { ...edit, mount: { ...edit.mount, source: name } };
  }
  return edit;
}

/**
 * Opens the stack's files afresh, applies `plans` in place (comments, order, quoting kept; the
 * endpoint override edited when the value came from it) and writes the files that changed.
 */
export async function applyPlans(
  target: ApplyTarget,
  plans: readonly PlannedEdit[],
  write: ValueWriter,
): Promise<Applied> {
  const { base, override } = await openComposeFiles(target.stackDir, target.endpoint);
  const applied: { plan: PlannedEdit; file: string }[] = [];
  const skipped: { item: DriftItem; reason: string }[] = [];
  const images = new Map<ComposeFile, Extract<FieldEdit, { kind: 'image' }>[]>();
  const secretVars: string[] = [];
  for (const plan of plans) {
    const file = pickFile(base, override, target.service, plan.edit);
    const svc = file === undefined ? undefined : serviceNode(file.doc, target.service);
    if (file === undefined || svc === undefined) {
      skipped.push({ item: plan.item, reason: `service ${target.service} is not in the compose files` });
      continue;
    }
    const edit = prepare(plan.edit, file, target, base);
    if (typeof edit === 'string') {
      skipped.push({ item: plan.item, reason: edit });
      continue;
    }
    if (edit.kind === 'image') images.set(file, [...(images.get(file) ?? []), edit]);
    else applyEdit(file.doc, svc, edit, write);
    if (edit.kind === 'entry' && edit.secretVar !== undefined) secretVars.push(edit.secretVar);
    applied.push({ plan, file: file.name });
  }
  for (const [file, edits] of images) {
    const svc = serviceNode(file.doc, target.service);
    if (svc !== undefined) applyImage(svc, edits);
  }
  const files: string[] = [];
  for (const file of [base, override])
    if (file !== undefined && (await saveComposeFile(target.stackDir, file))) files.push(file.name);
  return { applied, skipped, files, secretVars };
}
