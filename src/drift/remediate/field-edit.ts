import { fieldOf, type WriteBack } from '../drift-fields.js';
import type { DriftItem } from '../drift-item.js';
import { isSecret, MASK } from '../mask.js';

/** A mount as it should be written back (`bind` source is an absolute host path). */
export interface MountValue {
  readonly type: 'bind' | 'volume';
  readonly source: string;
  readonly readOnly: boolean;
}

/** Scalar fields remediation writes as is. */
export type ScalarField = 'restart' | 'network_mode' | 'user' | 'working_dir' | 'privileged';

/**
 * One change to a compose service that makes git describe the running container.
 * `null` values remove the entry; an entry value `(unset)` is a bare `KEY`. With `secretVar` the
 * value is the reference `${VAR}` (never the secret) and VAR belongs in `.env.sample`.
 */
export type FieldEdit =
  | {
      readonly kind: 'entry';
      readonly block: 'environment' | 'labels';
      readonly key: string;
      readonly value: string | null;
      readonly secretVar?: string;
    }
  | { readonly kind: 'scalar'; readonly field: ScalarField; readonly value: string | null }
  | { readonly kind: 'image'; readonly repo?: string; readonly tag?: string; readonly digest?: string }
  | { readonly kind: 'args'; readonly field: 'command' | 'entrypoint'; readonly value: readonly string[] }
  | {
      readonly kind: 'port';
      readonly target: string;
      readonly protocol: string;
      readonly bindings: readonly string[] | null;
    }
  | { readonly kind: 'volume'; readonly target: string; readonly mount: MountValue | null }
  | {
      readonly kind: 'healthcheck';
      readonly part: 'test' | 'interval' | 'timeout' | 'start_period' | 'retries';
      readonly value: string | null;
    }
  | {
      readonly kind: 'list';
      readonly field: 'cap_add' | 'cap_drop' | 'dns' | 'extra_hosts';
      readonly entry: string;
      readonly present: boolean;
    }
  | { readonly kind: 'device'; readonly target: string; readonly value: string | null }
  | { readonly kind: 'map'; readonly field: 'sysctls'; readonly key: string; readonly value: string | null }
  | { readonly kind: 'ulimit'; readonly name: string; readonly value: string | null }
  | { readonly kind: 'logging'; readonly part: string; readonly value: string | null };

/** A drift item the backport turned into an edit, or left alone with the reason. */
export type ItemPlan =
  { readonly item: DriftItem; readonly edit: FieldEdit } | { readonly item: DriftItem; readonly skipped: string };

/** `API-Token` → `API_TOKEN`: a valid compose variable name for a secret written as `${VAR}`. */
export const toVarName = (key: string): string => {
  const name = key.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
};

function entryEdit(
  item: DriftItem,
  block: 'environment' | 'labels',
  knownSecrets: readonly string[],
): FieldEdit | string {
  const key = item.path.slice(block.length + 1);
  if (item.actual === null) return { kind: 'entry', block, key, value: null };
  const masked = item.actual.includes(MASK) || isSecret(key, [item.actual], knownSecrets);
  if (masked) return { kind: 'entry', block, key, value: `\${${toVarName(key)}}`, secretVar: toVarName(key) };
  return { kind: 'entry', block, key, value: item.actual };
}

function mountEdit(target: string, actual: string | null): FieldEdit | string {
  if (actual === null) return { kind: 'volume', target, mount: null };
  const m = /^(bind|volume):(.*):(ro|rw)$/.exec(actual);
  if (m === null) return 'only bind mounts and named volumes are written back';
  return {
    kind: 'volume',
    target,
    mount: { type: m[1] === 'bind' ? 'bind' : 'volume', source: m[2] ?? '', readOnly: m[3] === 'ro' },
  };
}

function portEdit(key: string, actual: string | null): FieldEdit | string {
  const [target = '', protocol = 'tcp'] = key.split('/');
  if (actual === null) return { kind: 'port', target, protocol, bindings: null };
  const bindings = actual.split(', ');
  if (bindings.some((b) => b.includes('⟪') || b.endsWith(':*'))) return 'ephemeral host ports are not written back';
  return { kind: 'port', target, protocol, bindings };
}

function argsEdit(field: 'command' | 'entrypoint', actual: string | null): FieldEdit | string {
  try {
    const value: unknown = JSON.parse(actual ?? '[]');
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { kind: 'args', field, value };
  } catch {
    /* reported below */
  }
  return `unreadable ${field}`;
}

function imageEdit(path: string, actual: string | null): FieldEdit | string {
  if (actual === null) return `${path} cannot be removed from the image`;
  if (path === 'image.repo') return { kind: 'image', repo: actual };
  return path === 'image.tag' ? { kind: 'image', tag: actual } : { kind: 'image', digest: actual };
}

const inBrackets = (path: string): string => /\[(.*)\]$/.exec(path)?.[1] ?? '';
const afterDot = (path: string): string => path.slice(path.indexOf('.') + 1);

function runtimeEdit(kind: WriteBack['kind'], path: string, actual: string | null): FieldEdit | string {
  switch (kind) {
    case 'healthcheck':
      return { kind: 'healthcheck', part: afterDot(path) as 'test', value: actual };
    case 'list':
      return {
        kind: 'list',
        field: path.slice(0, path.indexOf('[')) as 'dns',
        entry: inBrackets(path),
        present: actual !== null,
      };
    case 'device':
      return { kind: 'device', target: inBrackets(path), value: actual };
    case 'map':
      return { kind: 'map', field: 'sysctls', key: afterDot(path), value: actual };
    case 'ulimit':
      return { kind: 'ulimit', name: afterDot(path), value: actual };
    case 'logging':
      return { kind: 'logging', part: afterDot(path), value: actual };
    default:
      return `${path} is not written back automatically; edit it by hand`;
  }
}

/** The edit of one writable field (the field table says which kind). */
function writeEdit(
  kind: Exclude<WriteBack['kind'], 'manual'>,
  item: DriftItem,
  knownSecrets: readonly string[],
): FieldEdit | string {
  const { path, actual } = item;
  switch (kind) {
    case 'entry':
      return entryEdit(item, path.startsWith('labels.') ? 'labels' : 'environment', knownSecrets);
    case 'image':
      return imageEdit(path, actual);
    case 'scalar':
      return { kind: 'scalar', field: path as ScalarField, value: actual };
    case 'args':
      return argsEdit(path as 'command', actual);
    case 'port':
      return portEdit(/^ports\[(.*)\]$/.exec(path)?.[1] ?? '', actual);
    case 'volume':
      return mountEdit(/^volumes\[(.*)\]$/.exec(path)?.[1] ?? '', actual);
    default:
      return runtimeEdit(kind, path, actual);
  }
}

function editFor(item: DriftItem, knownSecrets: readonly string[]): FieldEdit | string {
  const { path, actual } = item;
  if (item.severity === 'unverifiable') return 'unverifiable: the value depends on a variable the bot cannot read';
  if (item.kind !== 'changed' && item.kind !== 'added' && item.kind !== 'removed')
    return `${item.kind} cannot be fixed in the compose file`;
  const field = fieldOf(path);
  if (field === undefined) return `${path} is not written back automatically; edit it by hand`;
  if (field.writeBack.kind === 'manual') return `${path} is not written back: ${field.writeBack.why}`;
  // Only env and labels can hold a `${VAR}` reference; any other masked value is left to a human.
  if (field.writeBack.kind !== 'entry' && actual?.includes(MASK) === true)
    return `${path} holds a secret; it is not written to git`;
  return writeEdit(field.writeBack.kind, item, knownSecrets);
}

/** Turns a service's drift items into compose edits; items that cannot be written back say why. */
export function planEdits(items: readonly DriftItem[], knownSecrets: readonly string[] = []): ItemPlan[] {
  return items.map((item) => {
    const edit = editFor(item, knownSecrets);
    return typeof edit === 'string' ? { item, skipped: edit } : { item, edit };
  });
}
