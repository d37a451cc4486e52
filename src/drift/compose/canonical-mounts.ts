import { posix } from 'node:path';
import type { MountSpec } from '../model.js';
import { toMarker, WILDCARD } from '../template.js';
import { isMap, scalar, toList, type YamlMap } from './merge-helpers.js';

/** What mount canonicalisation needs from the project. */
export interface MountContext {
  readonly project: string;
  readonly projectDir: string;
  /** Top-level `volumes:` section. */
  readonly volumes: YamlMap;
}

const cleanTarget = (t: string): string => {
  const n = posix.normalize(t);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
};

/** A source that is only a variable the bot cannot know (`${MEDIA_ROOT}/x`) is taken as a bind path. */
const isPathLike = (s: string): boolean =>
  s.startsWith('/') || s.startsWith('.') || s.startsWith('~') || s.startsWith('⟪');

function bindSource(source: string, ctx: MountContext): string {
  if (source.startsWith('~')) return `${toMarker('HOME')}${source.slice(1)}`;
  if (source.startsWith('⟪')) return source;
  return posix.resolve(ctx.projectDir, source);
}

/** Engine name of a named volume: top-level `name:`, the key for external volumes, else `<project>_<key>`. */
function volumeName(key: string, ctx: MountContext): string {
  const def = ctx.volumes[key];
  if (isMap(def) && typeof def.name === 'string') return def.name;
  if (isMap(def) && (def.external === true || def.external === 'true')) return key;
  return `${ctx.project}_${key}`;
}

function fromShort(text: string, ctx: MountContext): [string, MountSpec] {
  const parts = text.split(':');
  if (parts.length === 1) return [cleanTarget(text), { type: 'volume', source: WILDCARD, readOnly: false }];
  const [source = '', target = '', mode = ''] = parts;
  const readOnly = mode.split(',').includes('ro');
  if (isPathLike(source)) return [cleanTarget(target), { type: 'bind', source: bindSource(source, ctx), readOnly }];
  return [cleanTarget(target), { type: 'volume', source: volumeName(source, ctx), readOnly }];
}

function fromLong(v: YamlMap, ctx: MountContext): [string, MountSpec] {
  const target = cleanTarget(scalar(v.target));
  const readOnly = v.read_only === true || v.read_only === 'true';
  const source = typeof v.source === 'string' ? v.source : '';
  switch (v.type) {
    case 'bind':
      return [target, { type: 'bind', source: bindSource(source, ctx), readOnly }];
    case 'tmpfs':
      return [target, { type: 'tmpfs', source: '', readOnly }];
    case 'volume':
      return [target, { type: 'volume', source: source === '' ? WILDCARD : volumeName(source, ctx), readOnly }];
    default:
      return [target, { type: 'other', source, readOnly }];
  }
}

/** Canonical mounts keyed by container path, from `volumes:` (short and long syntax) and `tmpfs:`. */
export function toMounts(volumes: unknown, tmpfs: unknown, ctx: MountContext): Map<string, MountSpec> {
  const out = new Map<string, MountSpec>();
  for (const v of toList(volumes)) {
    const [target, spec] = isMap(v) ? fromLong(v, ctx) : fromShort(scalar(v), ctx);
    out.set(target, spec);
  }
  for (const t of toList(tmpfs)) {
    const text = scalar(t);
    const colon = text.indexOf(':');
    const target = colon === -1 ? text : text.slice(0, colon);
    out.set(cleanTarget(target), { type: 'tmpfs', source: colon === -1 ? '' : text.slice(colon + 1), readOnly: false });
  }
  return out;
}
