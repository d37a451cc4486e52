import type { Document } from 'yaml';
import type { FieldEdit } from './field-edit.js';
import type { ValueWriter } from './value-writer.js';
import { dropIfEmpty, isMap, isSeq, ownChild, replaceScalar, Scalar, textOf, YAMLMap, YAMLSeq } from './yaml-nodes.js';

/** Edits of runtime settings: healthcheck, caps, dns, extra_hosts, devices, sysctls, ulimits, logging. */
export type RuntimeEdit = Extract<
  FieldEdit,
  { kind: 'healthcheck' | 'list' | 'device' | 'map' | 'ulimit' | 'logging' }
>;

const capKey = (c: string): string => c.toUpperCase().replace(/^CAP_/, '');

/** The comparable key of a list entry (caps without `CAP_`, extra hosts as `host=ip`). */
function listKey(field: string, text: string): string {
  if (field === 'cap_add' || field === 'cap_drop') return capKey(text);
  if (field !== 'extra_hosts') return text;
  const eq = text.indexOf('=');
  const sep = eq === -1 ? text.indexOf(':') : eq;
  return sep === -1 ? text : `${text.slice(0, sep)}=${text.slice(sep + 1).replace(/^\[(.*)\]$/, '$1')}`;
}

/** `host=ip` in the separator the file already uses (`host:ip` by default, as most files do). */
function hostEntry(seq: YAMLSeq, entry: string): string {
  const usesEq = seq.items.some((i) => (textOf(i) ?? '').includes('='));
  return usesEq ? entry : entry.replace('=', ':');
}

function setListEntry(
  doc: Document,
  svc: YAMLMap,
  field: string,
  entry: string,
  present: boolean,
  write: ValueWriter,
): void {
  const node = svc.get(field, true);
  if (!present && node === undefined) return;
  if (isMap(node) && field === 'extra_hosts') {
    const [host = '', ip = ''] = entry.split('=');
    if (present) node.set(host, replaceScalar(node.get(host, true), write(undefined, ip)));
    else node.delete(host);
    dropIfEmpty(svc, field);
    return;
  }
  const seq = ownChild(doc, svc, field, () => new YAMLSeq(), true);
  if (!isSeq(seq)) return;
  const key = listKey(field, entry);
  const at = seq.items.findIndex((i) => listKey(field, textOf(i) ?? '') === key);
  if (present && at === -1)
    seq.items.push(new Scalar(write(undefined, field === 'extra_hosts' ? hostEntry(seq, entry) : entry)));
  if (!present && at !== -1) seq.items.splice(at, 1);
  dropIfEmpty(svc, field);
}

function setDevice(doc: Document, svc: YAMLMap, target: string, value: string | null, write: ValueWriter): void {
  if (value === null && svc.get('devices', true) === undefined) return;
  const seq = ownChild(doc, svc, 'devices', () => new YAMLSeq(), true);
  if (!isSeq(seq)) return;
  const targetOf = (d: unknown): string => {
    if (isMap(d)) return textOf(d.get('target', true)) ?? textOf(d.get('source', true)) ?? '';
    const [source = '', t = source] = (textOf(d) ?? '').split(':');
    return t;
  };
  const at = seq.items.findIndex((d) => targetOf(d) === target);
  if (value === null) {
    if (at !== -1) seq.items.splice(at, 1);
    dropIfEmpty(svc, 'devices');
    return;
  }
  const [source = '', perms = 'rwm'] = value.split(':');
  const old = seq.items[at];
  if (isMap(old)) {
    old.set('source', replaceScalar(old.get('source', true), write(textOf(old.get('source', true)), source)));
    if (perms !== 'rwm' || old.has('permissions'))
      old.set('permissions', replaceScalar(old.get('permissions', true), perms));
    return;
  }
  const text = `${write(textOf(old), source)}:${write(undefined, target)}${perms === 'rwm' ? '' : `:${perms}`}`;
  if (at === -1) seq.items.push(new Scalar(text));
  else seq.items[at] = replaceScalar(old, text);
}

/** Sets one key of a map-valued setting (list `k=v` form kept when the file uses it). */
function setMapKey(
  doc: Document,
  svc: YAMLMap,
  field: string,
  key: string,
  value: string | null,
  write: ValueWriter,
): void {
  if (value === null && svc.get(field, true) === undefined) return;
  const node = ownChild(doc, svc, field, () => new YAMLMap(), false);
  if (isSeq(node)) {
    const at = node.items.findIndex((i) => (textOf(i) ?? '').split('=')[0] === key);
    if (value === null) {
      if (at !== -1) node.items.splice(at, 1);
    } else {
      const text = `${key}=${write(undefined, value)}`;
      if (at === -1) node.items.push(new Scalar(text));
      else node.items[at] = replaceScalar(node.items[at], text);
    }
  } else if (isMap(node)) {
    if (value === null) node.delete(key);
    else
      node.set(
        node.has(key) ? key : doc.createNode(key),
        replaceScalar(node.get(key, true), write(textOf(node.get(key, true)), value)),
      );
  }
  dropIfEmpty(svc, field);
}

function setUlimit(doc: Document, svc: YAMLMap, name: string, value: string | null): void {
  if (value === null) {
    setMapKey(doc, svc, 'ulimits', name, null, (_r, v) => v);
    return;
  }
  const map = ownChild(doc, svc, 'ulimits', () => new YAMLMap(), false);
  if (!isMap(map)) return;
  const [soft = '', hard = soft] = value.split(':');
  const old = map.get(name, true);
  if (soft === hard && !isMap(old)) {
    map.set(map.has(name) ? name : doc.createNode(name), doc.createNode(Number(soft)));
    return;
  }
  const limits = isMap(old) ? old : new YAMLMap();
  limits.set('soft', doc.createNode(Number(soft)));
  limits.set('hard', doc.createNode(Number(hard)));
  if (!isMap(old)) map.set(map.has(name) ? name : doc.createNode(name), limits);
}

function setLogging(doc: Document, svc: YAMLMap, part: string, value: string | null, write: ValueWriter): void {
  if (value === null && svc.get('logging', true) === undefined) return;
  const logging = ownChild(doc, svc, 'logging', () => new YAMLMap(), false);
  if (!isMap(logging)) return;
  if (part === 'driver') {
    if (value === null) logging.delete('driver');
    else logging.set('driver', replaceScalar(logging.get('driver', true), value));
  } else setMapKey(doc, logging, 'options', part.slice('options.'.length), value, write);
  dropIfEmpty(svc, 'logging');
}

const HEALTH_DURATIONS = new Set(['interval', 'timeout', 'start_period']);

function setHealth(doc: Document, svc: YAMLMap, part: string, value: string | null, write: ValueWriter): void {
  const hc = ownChild(doc, svc, 'healthcheck', () => new YAMLMap(), false);
  if (!isMap(hc)) return;
  if (value === null || (HEALTH_DURATIONS.has(part) && value === '0s') || (part === 'retries' && value === '0')) {
    hc.delete(part);
    dropIfEmpty(svc, 'healthcheck');
    return;
  }
  if (part === 'test') {
    const test = JSON.parse(value) as string[];
    const old = hc.get('test', true);
    if (test[0] === 'CMD-SHELL' && test.length === 2 && !isSeq(old)) {
      hc.set('test', replaceScalar(old, write(textOf(old), test[1] ?? '')));
      return;
    }
    const raw = isSeq(old) ? old.items.map((i) => textOf(i) ?? '').join(' ') : textOf(old);
    const seq = doc.createNode(
      test.map((t) => write(raw, t)),
      { flow: true },
    );
    if (seq instanceof YAMLSeq) seq.flow = true;
    hc.set('test', seq);
    return;
  }
  const old = hc.get(part, true);
  // Durations (`10s`, `1m30s`) need no quotes, unlike other digit-led strings.
  const node =
    part === 'retries'
      ? doc.createNode(Number(value))
      : old instanceof Scalar
        ? Object.assign(old, { value })
        : new Scalar(value);
  hc.set(hc.has(part) ? part : doc.createNode(part), node);
}

/** Applies one runtime-setting edit to a service node. */
export function applyRuntimeEdit(doc: Document, svc: YAMLMap, edit: RuntimeEdit, write: ValueWriter): void {
  switch (edit.kind) {
    case 'healthcheck':
      setHealth(doc, svc, edit.part, edit.value, write);
      return;
    case 'list':
      setListEntry(doc, svc, edit.field, edit.entry, edit.present, write);
      return;
    case 'device':
      setDevice(doc, svc, edit.target, edit.value, write);
      return;
    case 'map':
      setMapKey(doc, svc, edit.field, edit.key, edit.value, write);
      return;
    case 'ulimit':
      setUlimit(doc, svc, edit.name, edit.value);
      return;
    case 'logging':
      setLogging(doc, svc, edit.part, edit.value, write);
      return;
  }
}
