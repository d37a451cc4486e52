import { WILDCARD } from '../template.js';
import { isMap, scalar } from './merge-helpers.js';

interface PortSpec {
  readonly hostIp: string;
  readonly published: string;
  readonly target: string;
  readonly protocol: string;
}

const str = scalar;

function splitShort(text: string): PortSpec {
  const [spec = '', protocol = 'tcp'] = text.split('/');
  let hostIp = '';
  let rest = spec;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  const target = parts.pop() ?? '';
  const published = parts.pop() ?? '';
  if (parts.length > 0) hostIp = parts.join(':');
  return { hostIp, published, target, protocol };
}

function toSpec(p: unknown): PortSpec {
  if (!isMap(p)) return splitShort(str(p));
  return {
    hostIp: str(p.host_ip),
    published: str(p.published),
    target: str(p.target),
    protocol: str(p.protocol) || 'tcp',
  };
}

const range = (text: string): string[] | undefined => {
  const m = /^(\d+)-(\d+)$/.exec(text);
  if (m === null) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => String(a + i));
};

/** Expands `a-b:c-d` pairwise; a single target with a published range keeps the range (compose picks one). */
function expand(spec: PortSpec): PortSpec[] {
  const targets = range(spec.target);
  if (targets === undefined) return [spec];
  const published = range(spec.published);
  return targets.map((target, i) => ({
    ...spec,
    target,
    published: published?.[i] ?? (spec.published === '' ? '' : spec.published),
  }));
}

/**
 * Canonical port bindings keyed `target/protocol` → sorted `hostIp:published` (design N11).
 * An unpublished port gets an ephemeral host port, expected as the wildcard.
 */
export function toPortBindings(ports: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const list = Array.isArray(ports) ? ports : [];
  for (const spec of list.map(toSpec).flatMap(expand)) {
    const key = `${spec.target}/${spec.protocol.toLowerCase()}`;
    const binding = `${spec.hostIp}:${spec.published === '' ? WILDCARD : spec.published}`;
    out.set(key, [...(out.get(key) ?? []), binding].sort());
  }
  return out;
}
