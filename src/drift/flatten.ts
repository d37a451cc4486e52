import { formatDuration } from './compose/shell-split.js';
import type { HealthcheckSpec, MountSpec, ServiceModel } from './model.js';

/** How an unset (bare `KEY`) env value is displayed and compared. */
export const UNSET = '(unset)';

const args = (a: readonly string[] | null): string => JSON.stringify(a ?? []);
const mount = (m: MountSpec): string => `${m.type}:${m.source}:${m.readOnly ? 'ro' : 'rw'}`;

function health(h: HealthcheckSpec): [string, string][] {
  return [
    ['healthcheck.test', JSON.stringify(h.test)],
    ['healthcheck.interval', formatDuration(h.interval)],
    ['healthcheck.timeout', formatDuration(h.timeout)],
    ['healthcheck.start_period', formatDuration(h.startPeriod)],
    ['healthcheck.retries', String(h.retries)],
  ];
}

const setPaths = (name: string, set: ReadonlySet<string>): [string, string][] =>
  [...set].map((v) => [`${name}[${v}]`, 'present']);

/**
 * Flattens a model into `path → display string`, the unit of comparison: every key of a map or
 * set is its own path, so one change is one item. `image.digest` is compared only when pinned in git.
 */
export function flattenModel(m: ServiceModel, withDigest: boolean): Map<string, string> {
  const out = new Map<string, string>([
    ['image.repo', m.image.repo],
    ['image.tag', m.image.tag],
    ['restart', m.restart ?? 'no'],
    ['command', args(m.command)],
    ['entrypoint', args(m.entrypoint)],
    ['user', m.user ?? ''],
    ['working_dir', m.workingDir ?? ''],
    ['privileged', String(m.privileged)],
  ]);
  if (withDigest) out.set('image.digest', m.image.digest);
  for (const [k, v] of m.sysctls) out.set(`sysctls.${k}`, v);
  for (const [k, v] of m.ulimits) out.set(`ulimits.${k}`, v);
  if (m.logging !== null) {
    if (m.logging.driver !== '') out.set('logging.driver', m.logging.driver);
    for (const [k, v] of m.logging.options) out.set(`logging.options.${k}`, v);
  }
  if (m.networkMode !== null) out.set('network_mode', m.networkMode);
  for (const [k, v] of m.environment) out.set(`environment.${k}`, v ?? UNSET);
  for (const [k, v] of m.labels) out.set(`labels.${k}`, v);
  for (const [k, v] of m.ports) out.set(`ports[${k}]`, v.join(', '));
  for (const [k, v] of m.mounts)
    out.set(v.type === 'tmpfs' ? `tmpfs[${k}]` : `volumes[${k}]`, v.type === 'tmpfs' ? v.source : mount(v));
  for (const [k, v] of m.devices) out.set(`devices[${k}]`, v);
  for (const [p, v] of [
    ...setPaths('networks', m.networks),
    ...setPaths('cap_add', m.capAdd),
    ...setPaths('cap_drop', m.capDrop),
    ...setPaths('extra_hosts', m.extraHosts),
    ...setPaths('dns', m.dns),
    ...(m.healthcheck === null ? [] : health(m.healthcheck)),
  ])
    out.set(p, v);
  return out;
}
