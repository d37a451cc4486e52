import type { HealthcheckSpec, LoggingSpec } from '../model.js';
import { isMap, scalar, toList, type YamlMap } from './merge-helpers.js';
import { parseDuration, shellSplit } from './shell-split.js';

const isTrue = (v: unknown): boolean => v === true || v === 'true';
const ns = (v: unknown): number => (v === undefined || v === null ? 0 : (parseDuration(scalar(v)) ?? 0));

/** `healthcheck:` → canonical form: string test → `CMD-SHELL`, `disable` → `["NONE"]`, durations in ns. */
export function toHealthcheck(h: unknown): HealthcheckSpec | null {
  if (!isMap(h)) return null;
  const test = isTrue(h.disable)
    ? ['NONE']
    : typeof h.test === 'string'
      ? ['CMD-SHELL', h.test]
      : toList(h.test).map(scalar);
  return {
    test,
    interval: ns(h.interval),
    timeout: ns(h.timeout),
    startPeriod: ns(h.start_period),
    retries: h.retries === undefined || h.retries === null ? 0 : Number(scalar(h.retries)),
  };
}

/** `command:`/`entrypoint:`: a string is shell-split, a list kept, absent → null (image default). */
export function toArgs(v: unknown): string[] | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? shellSplit(v) : toList(v).map(scalar);
}

const POLICY: Readonly<Record<string, string>> = { none: 'no', any: 'always', 'on-failure': 'on-failure' };

/** Restart policy; `deploy.restart_policy` wins over `restart` (design N21). */
export function toRestart(svc: YamlMap): string | null {
  const deploy = isMap(svc.deploy) && isMap(svc.deploy.restart_policy) ? svc.deploy.restart_policy : undefined;
  if (deploy !== undefined) {
    const name = POLICY[scalar(deploy.condition ?? 'any')] ?? scalar(deploy.condition);
    const max = deploy.max_attempts;
    return name === 'on-failure' && max !== undefined && max !== null && scalar(max) !== '0'
      ? `on-failure:${scalar(max)}`
      : name;
  }
  if (svc.restart === undefined || svc.restart === null) return null;
  const r = scalar(svc.restart);
  return r === 'on-failure:0' ? 'on-failure' : r;
}

/** Capabilities upper-cased without the `CAP_` prefix (design N24). */
export const toCaps = (v: unknown): Set<string> =>
  new Set(toList(v).map((c) => scalar(c).toUpperCase().replace(/^CAP_/, '')));

/** Devices keyed by container path → `hostPath:permissions` (default `rwm`). */
export function toDevices(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of toList(v)) {
    if (isMap(d)) {
      const source = scalar(d.source);
      out.set(
        d.target === undefined ? source : scalar(d.target),
        `${source}:${d.permissions === undefined ? 'rwm' : scalar(d.permissions)}`,
      );
      continue;
    }
    const [source = '', target = source, perms = 'rwm'] = scalar(d).split(':');
    out.set(target, `${source}:${perms}`);
  }
  return out;
}

/** `host:ip`, `host=ip` or a `{host: ip}` mapping → a set of `host=ip`. */
export function toExtraHosts(v: unknown): Set<string> {
  return new Set(
    toList(v).map((e) => {
      const s = scalar(e);
      const eq = s.indexOf('=');
      const sep = eq === -1 ? s.indexOf(':') : eq;
      return sep === -1 ? s : `${s.slice(0, sep)}=${s.slice(sep + 1).replace(/^\[(.*)\]$/, '$1')}`;
    }),
  );
}

/** A string or a list of strings as a set. */
export const toStringSet = (v: unknown): Set<string> => new Set(toList(v).map(scalar));

/** `ulimits:` → name → `soft:hard` (`nofile: 65535` means soft = hard). */
export function toUlimits(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isMap(v)) return out;
  for (const [name, limit] of Object.entries(v)) {
    if (isMap(limit)) out.set(name, `${scalar(limit.soft)}:${scalar(limit.hard)}`);
    else out.set(name, `${scalar(limit)}:${scalar(limit)}`);
  }
  return out;
}

/** `logging:` → driver and options; null when the service does not set it. */
export function toLogging(v: unknown): LoggingSpec | null {
  if (!isMap(v)) return null;
  const options = isMap(v.options) ? Object.entries(v.options).map(([k, o]): [string, string] => [k, scalar(o)]) : [];
  return { driver: v.driver === undefined || v.driver === null ? '' : scalar(v.driver), options: new Map(options) };
}
