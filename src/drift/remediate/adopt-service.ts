import type { DriftItem } from '../drift-item.js';
import type { HealthcheckSpec, ObservedContainer } from '../model.js';
import { isSecret } from '../mask.js';
import { toVarName } from './field-edit.js';
import { escapeDollars } from './retemplate.js';

/** A compose service generated from a running container, with what the file must declare for it. */
export interface AdoptedService {
  /** Service key in `services:` (the container name, made a valid key). */
  readonly name: string;
  /** The service mapping, in the order compose files usually list keys. */
  readonly service: Record<string, unknown>;
  /** Secret variables referenced as `${VAR}` (for `.env.sample`; their values are never written). */
  readonly secretVars: readonly string[];
  /** Networks the container joins that are not the stack's own: declared `external: true`. */
  readonly externalNetworks: readonly string[];
  /** Engine volumes it mounts: declared `external: true` (they exist on the host already). */
  readonly externalVolumes: readonly string[];
}

const RUNTIME_LABELS = /^(com\.docker\.compose\.|io\.portainer\.|desktop\.docker\.)/;
const BUILTIN_MODES = ['host', 'none', 'bridge'];

/** `docker.io/library/nginx` + `1.27` → `nginx:1.27` (the short form people write). */
function imageText(c: ObservedContainer): string {
  const { repo, tag, digest } = c.model.image;
  const short = repo.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
  return `${short}${tag === '' ? '' : `:${tag}`}${digest === '' ? '' : `@${digest}`}`;
}

/** Compose's duration syntax for nanoseconds (`30s`, `1500ms`). */
export function durationText(ns: number): string {
  const ms = ns / 1e6;
  return ms % 1000 === 0 ? `${String(ms / 1000)}s` : `${String(ms)}ms`;
}

function healthcheckOf(hc: HealthcheckSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { test: hc.test.map(escapeDollars) };
  if (hc.interval > 0) out['interval'] = durationText(hc.interval);
  if (hc.timeout > 0) out['timeout'] = durationText(hc.timeout);
  if (hc.startPeriod > 0) out['start_period'] = durationText(hc.startPeriod);
  if (hc.retries > 0) out['retries'] = hc.retries;
  return out;
}

const sameArgs = (a: readonly string[] | null, b: readonly string[] | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** `environment`/`labels` entries: literals escaped, secrets as `${VAR}` (VAR collected). */
function entries(
  source: ReadonlyMap<string, string | null>,
  keep: (key: string, value: string | null) => boolean,
  knownSecrets: readonly string[],
  secretVars: string[],
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [key, value] of source) {
    if (value === null || !keep(key, value)) continue;
    if (isSecret(key, [value], knownSecrets)) {
      secretVars.push(toVarName(key));
      out[key] = `\${${toVarName(key)}}`;
    } else out[key] = escapeDollars(value);
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

const ANY_ADDRESS = ['', '0.0.0.0', '::'];

/** `"8080:80"`, `"127.0.0.1:53:53/udp"`; the engine's IPv4 and IPv6 "all addresses" pair is one entry. */
function portsOf(c: ObservedContainer): string[] {
  const out = new Set<string>();
  for (const [key, bindings] of c.model.ports) {
    const [target = '', proto = 'tcp'] = key.split('/');
    const suffix = proto === 'tcp' ? '' : `/${proto}`;
    for (const b of bindings) {
      const colon = b.lastIndexOf(':');
      const ip = b.slice(0, colon);
      const hostPort = b.slice(colon + 1);
      const at = ANY_ADDRESS.includes(ip) ? '' : `${ip.includes(':') ? `[${ip}]` : ip}:`;
      out.add(hostPort === '' || hostPort === '*' ? `${target}${suffix}` : `${at}${hostPort}:${target}${suffix}`);
    }
  }
  return [...out];
}

function volumesOf(c: ObservedContainer, external: string[]): string[] {
  const out: string[] = [];
  for (const [target, m] of c.model.mounts) {
    const ro = m.readOnly ? ':ro' : '';
    if (m.type === 'bind') out.push(`${escapeDollars(m.source)}:${target}${ro}`);
    else if (m.type === 'volume' && !m.source.startsWith('⟪') && !c.imageDefaults.volumes.has(target)) {
      external.push(m.source);
      out.push(`${m.source}:${target}${ro}`);
    }
  }
  return out;
}

function networksOf(c: ObservedContainer, service: Record<string, unknown>, external: string[]): void {
  const mode = c.model.networkMode;
  if (mode !== null && (BUILTIN_MODES.includes(mode) || mode.startsWith('container:'))) {
    service['network_mode'] = mode;
    return;
  }
  const nets = [...c.model.networks].sort();
  if (nets.length === 0) return;
  external.push(...nets);
  service['networks'] = nets;
}

/** `/dev/x` + `/dev/y:rwm` → `/dev/y:/dev/x` (permissions only when not the default `rwm`). */
function deviceText(target: string, source: string): string {
  const colon = source.lastIndexOf(':');
  const perms = source.slice(colon + 1);
  return `${source.slice(0, colon)}:${target}${perms === 'rwm' ? '' : `:${perms}`}`;
}

/** Runtime settings set on the container beyond the engine defaults. */
function runtimeOf(c: ObservedContainer, service: Record<string, unknown>): void {
  const m = c.model;
  const d = c.imageDefaults;
  if (m.user !== null && m.user !== d.user) service['user'] = m.user;
  if (m.workingDir !== null && m.workingDir !== d.workingDir) service['working_dir'] = m.workingDir;
  if (m.capAdd.size > 0) service['cap_add'] = [...m.capAdd].sort();
  if (m.capDrop.size > 0) service['cap_drop'] = [...m.capDrop].sort();
  if (m.dns.size > 0) service['dns'] = [...m.dns];
  if (m.extraHosts.size > 0) service['extra_hosts'] = [...m.extraHosts].map((h) => h.replace('=', ':'));
  if (m.devices.size > 0) service['devices'] = [...m.devices].map(([to, from]) => deviceText(to, from));
  if (m.privileged) service['privileged'] = true;
  if (m.sysctls.size > 0) service['sysctls'] = Object.fromEntries(m.sysctls);
}

/** `my.app` → `my-app`: a service key compose accepts. */
export const serviceKeyOf = (name: string): string => name.toLowerCase().replace(/[^a-z0-9_-]/g, '-');

/**
 * The compose service that describes a running container (what docker-autocompose does by hand):
 * image, command/entrypoint and user unless the image's, environment and labels minus the image's
 * and compose's own (secrets as `${VAR}`), ports, volumes, networks, restart, healthcheck, runtime
 * settings, and `container_name` equal to the running name, so the audit matches it afterwards.
 */
export function adoptService(c: ObservedContainer, knownSecrets: readonly string[]): AdoptedService {
  const m = c.model;
  const d = c.imageDefaults;
  const secretVars: string[] = [];
  const externalNetworks: string[] = [];
  const externalVolumes: string[] = [];
  const service: Record<string, unknown> = { image: imageText(c), container_name: c.name };
  if (m.entrypoint !== null && !sameArgs(m.entrypoint, d.entrypoint))
    service['entrypoint'] = m.entrypoint.map(escapeDollars);
  if (m.command !== null && !sameArgs(m.command, d.cmd)) service['command'] = m.command.map(escapeDollars);
  if (m.restart !== null && m.restart !== 'no') service['restart'] = m.restart;
  const env = entries(m.environment, (k, v) => d.env.get(k) !== v, knownSecrets, secretVars);
  if (env !== undefined) service['environment'] = env;
  const labels = entries(
    m.labels,
    (k, v) => !RUNTIME_LABELS.test(k) && d.labels.get(k) !== v,
    knownSecrets,
    secretVars,
  );
  if (labels !== undefined) service['labels'] = labels;
  const ports = portsOf(c);
  if (ports.length > 0) service['ports'] = ports;
  const volumes = volumesOf(c, externalVolumes);
  if (volumes.length > 0) service['volumes'] = volumes;
  networksOf(c, service, externalNetworks);
  if (
    m.healthcheck !== null &&
    JSON.stringify(m.healthcheck) !== JSON.stringify(d.healthcheck) &&
    m.healthcheck.test.length > 0
  )
    service['healthcheck'] = healthcheckOf(m.healthcheck);
  runtimeOf(c, service);
  return { name: serviceKeyOf(c.name), service, secretVars, externalNetworks, externalVolumes };
}

/**
 * The running container behind an `unmanaged-container` item (its `service` is the compose
 * service, or the container name when it has no compose label; `stack` its project).
 */
export function unmanagedContainerOf(
  item: Pick<DriftItem, 'host' | 'stack' | 'service'>,
  observed: ReadonlyMap<string, readonly ObservedContainer[]> | undefined,
): ObservedContainer | undefined {
  return observed
    ?.get(item.host)
    ?.find((c) => !c.oneoff && (c.project ?? '') === item.stack && (c.service ?? c.name) === item.service);
}
