import type { Document } from 'yaml';
import { UNSET } from '../flatten.js';
import type { ValueWriter } from './value-writer.js';
import { literalWriter } from './value-writer.js';
import { childOf, dropIfEmpty, isMap, isSeq, replaceScalar, Scalar, textOf, YAMLMap, YAMLSeq } from './yaml-nodes.js';

const listKey = (entry: string): string => entry.split('=')[0] ?? '';

/** Whether an `environment`/`labels` block (list or map form) sets `key`. */
export function hasEntry(block: unknown, key: string): boolean {
  if (isSeq(block)) return block.items.some((i) => listKey(textOf(i) ?? '') === key);
  if (isMap(block)) return block.has(key);
  return false;
}

/** The raw text of `key` in a list or map block (`undefined` when absent, `null` for a bare `KEY`). */
export function entryText(block: unknown, key: string): string | null | undefined {
  if (isSeq(block)) {
    const hit = block.items.map((i) => textOf(i) ?? '').find((e) => listKey(e) === key);
    if (hit === undefined) return undefined;
    return hit.includes('=') ? hit.slice(key.length + 1) : null;
  }
  if (isMap(block) && block.has(key)) return textOf(block.get(key, true)) ?? null;
  return undefined;
}

function setInSeq(seq: YAMLSeq, key: string, value: string | null): void {
  const index = seq.items.findIndex((i) => listKey(textOf(i) ?? '') === key);
  if (value === null) {
    if (index !== -1) seq.items.splice(index, 1);
    return;
  }
  const text = value === UNSET ? key : `${key}=${value}`;
  if (index === -1) seq.items.push(new Scalar(text));
  else seq.items[index] = replaceScalar(seq.items[index], text);
}

function setInMap(doc: Document, map: YAMLMap, key: string, value: string | null): void {
  if (value === null) {
    map.delete(key);
    return;
  }
  const node = replaceScalar(map.get(key, true), value === UNSET ? null : value);
  if (map.has(key)) map.set(key, node);
  else map.set(doc.createNode(key), node);
}

/**
 * Sets (or with `null` removes) one `environment`/`labels` entry, keeping the block's list/map form.
 * `value` is literal text unless `asIs` (a `${VAR}` reference): `write` turns it into compose text.
 */
export function setEntry(
  doc: Document,
  svc: YAMLMap,
  block: string,
  key: string,
  value: string | null,
  write: ValueWriter = literalWriter,
  asIs = false,
): void {
  if (value === null && svc.get(block, true) === undefined) return;
  const raw = entryText(svc.get(block, true), key) ?? undefined;
  const text = value === null || value === UNSET || asIs ? value : write(raw, value);
  setRaw(doc, svc, block, key, text);
}

/** A new block takes the form (list or map) most services of the file use for it. */
function newBlock(doc: Document, block: string): () => YAMLMap | YAMLSeq {
  const services = doc.get('services', true);
  const forms = isMap(services)
    ? services.items.map((p) => (isMap(p.value) ? p.value.get(block, true) : undefined))
    : [];
  const lists = forms.filter((f) => isSeq(f)).length;
  const maps = forms.filter((f) => isMap(f)).length;
  return () => (lists > maps ? new YAMLSeq() : new YAMLMap());
}

function setRaw(doc: Document, svc: YAMLMap, block: string, key: string, value: string | null): void {
  const node = childOf(doc, svc, block, newBlock(doc, block));
  if (isSeq(node)) setInSeq(node, key, value);
  else setInMap(doc, node, key, value);
  dropIfEmpty(svc, block);
}
