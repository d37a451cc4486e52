import { stringify } from 'yaml';
import type { ServiceSides } from './audit-report.js';
import { unifiedDiff } from './unified-diff.js';

/** `environment.TZ` → [environment, TZ]; `ports[80/tcp]` → [ports, 80/tcp]; `restart` → [restart]. */
function splitPath(path: string): [string] | [string, string] {
  const bracket = /^([a-z_]+)\[(.*)\]$/.exec(path);
  if (bracket !== null) return [bracket[1] ?? path, bracket[2] ?? ''];
  const dot = path.indexOf('.');
  return dot === -1 ? [path] : [path.slice(0, dot), path.slice(dot + 1)];
}

/** Rebuilds a nested, key-sorted object from a flattened (masked) side, for stable YAML. */
function nest(side: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of Object.keys(side).sort()) {
    const value = side[path] ?? '';
    const [group, key] = splitPath(path);
    if (key === undefined) {
      out[group] = value;
      continue;
    }
    const inner = (out[group] ?? {}) as Record<string, string>;
    inner[key] = value;
    out[group] = inner;
  }
  return out;
}

/** A side as compose-like YAML (`''` when the side is absent). Values are already masked. */
export function sideYaml(side: Readonly<Record<string, string>> | null, service: string): string {
  if (side === null) return '';
  return stringify({ [service]: nest(side) }, { lineWidth: 0 }).trimEnd();
}

/** File name of a service's diff attachment: `<host>_<stack>_<service>.diff`, filesystem-safe. */
export const diffFileName = (s: ServiceSides): string =>
  `${[s.host, s.stack, s.service]
    .filter((p) => p !== '')
    .join('_')
    .replace(/[^A-Za-z0-9._-]/g, '-')}.diff`;

/** Unified diff of a service: compose as in git (`a/`) vs as running (`b/`). Masked. */
export function renderServiceDiff(s: ServiceSides): string {
  const where = `${s.host}/${s.stack}/${s.service}`;
  return unifiedDiff(
    sideYaml(s.expected, s.service),
    sideYaml(s.actual, s.service),
    `git/${where}`,
    `running/${where}`,
  );
}
