import type { Document } from 'yaml';
import { setEntry } from './edit-entries.js';
import { applyRuntimeEdit } from './edit-runtime.js';
import { setPort, setVolume } from './edit-lists.js';
import { literalWriter, type ValueWriter } from './value-writer.js';
import type { FieldEdit } from './field-edit.js';
import { replaceScalar, textOf, YAMLSeq, type YAMLMap } from './yaml-nodes.js';

/** `docker.io/library/nginx` → `nginx`, `docker.io/traefik/whoami` → `traefik/whoami` (as people write them). */
export const shortRepo = (repo: string): string =>
  repo.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');

/** Splits `repo[:tag][@digest]` (a registry port is not a tag). */
export function splitImage(image: string): { repo: string; tag: string; digest: string } {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? '' : image.slice(at + 1);
  const colon = name.lastIndexOf(':');
  const hasTag = colon > name.lastIndexOf('/');
  return { repo: hasTag ? name.slice(0, colon) : name, tag: hasTag ? name.slice(colon + 1) : '', digest };
}

/** The new `image:` text after applying the image edits to the one in the file. */
export function nextImage(current: string, edits: readonly Extract<FieldEdit, { kind: 'image' }>[]): string {
  const parts = splitImage(current);
  let { repo, tag, digest } = parts;
  for (const e of edits) {
    if (e.repo !== undefined) repo = shortRepo(e.repo);
    if (e.tag !== undefined) tag = e.tag;
    if (e.digest !== undefined) digest = e.digest;
  }
  return `${repo}${tag === '' ? '' : `:${tag}`}${digest === '' ? '' : `@${digest}`}`;
}

function setScalar(doc: Document, svc: YAMLMap, field: string, value: string | null, write: ValueWriter): void {
  if (value === null || (field !== 'privileged' && value === '')) {
    svc.delete(field);
    return;
  }
  const node = replaceScalar(
    svc.get(field, true),
    field === 'privileged' ? value === 'true' : write(textOf(svc.get(field, true)), value),
  );
  if (svc.has(field)) svc.set(field, node);
  else svc.set(doc.createNode(field), node);
}

function setArgs(doc: Document, svc: YAMLMap, field: string, value: readonly string[], write: ValueWriter): void {
  if (value.length === 0) {
    svc.delete(field);
    return;
  }
  const old = svc.get(field, true);
  const raw = old instanceof YAMLSeq ? old.items.map((i) => textOf(i) ?? '').join(' ') : textOf(old);
  const seq = doc.createNode(
    value.map((v) => write(raw, v)),
    { flow: true },
  );
  if (seq instanceof YAMLSeq) seq.flow = true;
  if (svc.has(field)) svc.set(field, seq);
  else svc.set(doc.createNode(field), seq);
}

/** Applies one edit to a service node (image edits are applied together by the caller). */
export function applyEdit(
  doc: Document,
  svc: YAMLMap,
  edit: Exclude<FieldEdit, { kind: 'image' }>,
  write: ValueWriter = literalWriter,
): void {
  switch (edit.kind) {
    case 'entry':
      setEntry(doc, svc, edit.block, edit.key, edit.value, write, edit.secretVar !== undefined);
      return;
    case 'scalar':
      setScalar(doc, svc, edit.field, edit.value, write);
      return;
    case 'args':
      setArgs(doc, svc, edit.field, edit.value, write);
      return;
    case 'port':
      setPort(doc, svc, edit.target, edit.protocol, edit.bindings, write);
      return;
    case 'volume':
      setVolume(doc, svc, edit.target, edit.mount, write);
      return;
    default:
      applyRuntimeEdit(doc, svc, edit, write);
  }
}

/** Sets `image:` from the edits; returns the old and new text. */
export function applyImage(
  svc: YAMLMap,
  edits: readonly Extract<FieldEdit, { kind: 'image' }>[],
): { from: string; to: string } {
  const from = textOf(svc.get('image', true)) ?? '';
  // Only the edited part is replaced: a `${TAG}` in another part of the text stays as written.
  const to = nextImage(from, edits);
  svc.set('image', replaceScalar(svc.get('image', true), to));
  return { from, to };
}
