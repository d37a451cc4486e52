import type { Document } from 'yaml';
import type { MountValue } from './field-edit.js';
import { literalWriter, type ValueWriter } from './value-writer.js';
import {
  childOf,
  dropIfEmpty,
  isMap,
  isSeq,
  replaceScalar,
  Scalar,
  textOf,
  YAMLSeq,
  type YAMLMap,
} from './yaml-nodes.js';

/** `target/protocol` of a short (`ip:pub:target/proto`) or long (`{target, protocol}`) port entry. */
export function portKey(entry: unknown): string {
  if (isMap(entry))
    return `${textOf(entry.get('target', true)) ?? ''}/${(textOf(entry.get('protocol', true)) ?? 'tcp').toLowerCase()}`;
  const [spec = '', protocol = 'tcp'] = (textOf(entry) ?? '').split('/');
  return `${spec.split(':').at(-1) ?? ''}/${protocol.toLowerCase()}`;
}

/** Container path of a short (`src:target[:mode]`) or long (`{target}`) volume entry. */
export function volumeTarget(entry: unknown): string {
  if (isMap(entry)) return textOf(entry.get('target', true)) ?? '';
  const parts = (textOf(entry) ?? '').split(':');
  if (parts.length === 1) return parts[0] ?? '';
  return parts.length >= 3 && /^(ro|rw|z|Z|[a-z,]+)$/.test(parts.at(-1) ?? '')
    ? (parts.at(-2) ?? '')
    : (parts.at(-1) ?? '');
}

/** Replaces every entry matching `keyOf(entry) === key` by `entries` (at the first match's place, else appended). */
function replaceEntries(
  doc: Document,
  svc: YAMLMap,
  field: string,
  keyOf: (e: unknown) => string,
  key: string,
  entries: readonly string[],
): void {
  if (entries.length === 0 && svc.get(field, true) === undefined) return;
  const seq = childOf(doc, svc, field, () => new YAMLSeq());
  if (!isSeq(seq)) throw new Error(`${field} is not a list`);
  const first = seq.items.findIndex((e) => keyOf(e) === key);
  const old = seq.items[first];
  const nodes = entries.map((text, i) => {
    if (i === 0 && old instanceof Scalar) return replaceScalar(old, text);
    const node = new Scalar(text);
    node.type = Scalar.QUOTE_DOUBLE;
    return node;
  });
  const kept = seq.items.filter((e) => keyOf(e) !== key);
  const at = first === -1 ? kept.length : first;
  seq.items = [...kept.slice(0, at), ...nodes, ...kept.slice(at)];
  dropIfEmpty(svc, field);
}

/** The text of the entries `keyOf(entry) === key` (their variables are kept by re-templating). */
function entriesText(svc: YAMLMap, field: string, keyOf: (e: unknown) => string, key: string): string | undefined {
  const seq = svc.get(field, true);
  if (!isSeq(seq)) return undefined;
  const texts = seq.items.filter((e) => keyOf(e) === key).map((e) => textOf(e) ?? '');
  return texts.length === 0 ? undefined : texts.join(' ');
}

const withIp = (ip: string): string => (ip.includes(':') ? `[${ip}]` : ip);

/** Publishes `target/protocol` exactly on `bindings` (`hostIp:port`; empty IP = all addresses); `null` unpublishes. */
export function setPort(
  doc: Document,
  svc: YAMLMap,
  target: string,
  protocol: string,
  bindings: readonly string[] | null,
  write: ValueWriter = literalWriter,
): void {
  const raw = entriesText(svc, 'ports', portKey, `${target}/${protocol}`);
  const suffix = protocol === 'tcp' ? '' : `/${protocol}`;
  const entries = (bindings ?? []).map((b) => {
    const colon = b.lastIndexOf(':');
    const ip = b.slice(0, colon);
    const port = b.slice(colon + 1);
    return write(raw, `${ip === '' ? '' : `${withIp(ip)}:`}${port}:${target}${suffix}`);
  });
  replaceEntries(doc, svc, 'ports', portKey, `${target}/${protocol}`, entries);
}

/** Mounts `mount` at `target` (bind: absolute host path; volume: the compose volume name); `null` unmounts. */
export function setVolume(
  doc: Document,
  svc: YAMLMap,
  target: string,
  mount: MountValue | null,
  write: ValueWriter = literalWriter,
): void {
  const seq = svc.get('volumes', true);
  const long = isSeq(seq) ? seq.items.find((e) => isMap(e) && volumeTarget(e) === target) : undefined;
  // Long syntax is edited field by field: options only it can hold (propagation, nocopy, …) stay.
  if (mount !== null && isMap(long)) {
    long.set('source', replaceScalar(long.get('source', true), write(textOf(long.get('source', true)), mount.source)));
    if (mount.readOnly) long.set('read_only', replaceScalar(long.get('read_only', true), true));
    else long.delete('read_only');
    return;
  }
  const raw = entriesText(svc, 'volumes', volumeTarget, target);
  const entries =
    mount === null ? [] : [`${write(raw, mount.source)}:${write(undefined, target)}${mount.readOnly ? ':ro' : ''}`];
  replaceEntries(doc, svc, 'volumes', volumeTarget, target, entries);
}
