import type { HealthcheckSpec, MountSpec } from './model.js';
import type { ContainerInspect } from './inspect-schema.js';

type HostConfig = NonNullable<ContainerInspect['HostConfig']>;
type Healthcheck = {
  [K in 'Test' | 'Interval' | 'Timeout' | 'StartPeriod' | 'Retries']?:
    (K extends 'Test' ? string[] : number) | null | undefined;
};

const ANONYMOUS = /^[0-9a-f]{64}$/;

/** `KEY=v` list → map; a bare `KEY` is `null` (unset). */
export function envMap(env: readonly string[] | null | undefined): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const e of env ?? []) {
    const eq = e.indexOf('=');
    out.set(eq === -1 ? e : e.slice(0, eq), eq === -1 ? null : e.slice(eq + 1));
  }
  return out;
}

/** Healthcheck as stored by the engine (durations already in ns); `null` when none. */
export function toHealthSpec(h: Healthcheck | null | undefined): HealthcheckSpec | null {
  if (h === null || h === undefined) return null;
  return {
    test: h.Test ?? [],
    interval: h.Interval ?? 0,
    timeout: h.Timeout ?? 0,
    startPeriod: h.StartPeriod ?? 0,
    retries: h.Retries ?? 0,
  };
}

/** N11: `HostConfig.PortBindings` (not the runtime `NetworkSettings.Ports`) → `port/proto` → `ip:port`. */
export function portsOf(hc: HostConfig | null | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, bindings] of Object.entries(hc?.PortBindings ?? {})) {
    const list = (bindings ?? []).map((b) => `${b.HostIp ?? ''}:${b.HostPort ?? ''}`).sort();
    if (list.length > 0) out.set(key.includes('/') ? key : `${key}/tcp`, list);
  }
  return out;
}

function fromBind(bind: string): [string, MountSpec] {
  const [source = '', target = '', opts = ''] = bind.split(':');
  const readOnly = opts.split(',').includes('ro');
  const type = source.startsWith('/') ? 'bind' : 'volume';
  return [target, { type, source, readOnly }];
}

/** N14: Binds ∪ HostConfig.Mounts ∪ Tmpfs, plus anonymous volumes from the top-level `Mounts[]`. */
export function mountsOf(c: ContainerInspect): Map<string, MountSpec> {
  const out = new Map<string, MountSpec>();
  for (const bind of c.HostConfig?.Binds ?? []) out.set(...fromBind(bind));
  for (const m of c.HostConfig?.Mounts ?? []) {
    const type = m.Type === 'bind' || m.Type === 'volume' || m.Type === 'tmpfs' ? m.Type : 'other';
    out.set(m.Target ?? '', { type, source: type === 'tmpfs' ? '' : (m.Source ?? ''), readOnly: m.ReadOnly === true });
  }
  for (const [target, opts] of Object.entries(c.HostConfig?.Tmpfs ?? {}))
    out.set(target, { type: 'tmpfs', source: opts, readOnly: false });
  for (const m of c.Mounts ?? []) {
    const target = m.Destination ?? '';
    if (m.Type === 'volume' && ANONYMOUS.test(m.Name ?? '') && !out.has(target)) {
      out.set(target, { type: 'volume', source: m.Name ?? '', readOnly: m.RW === false });
    }
  }
  return out;
}

/** N21: `""` ≡ `no`; `on-failure` keeps its retry count. */
export function restartOf(hc: HostConfig | null | undefined): string {
  const name = hc?.RestartPolicy?.Name ?? '';
  const max = hc?.RestartPolicy?.MaximumRetryCount ?? 0;
  if (name === '') return 'no';
  return name === 'on-failure' && max > 0 ? `on-failure:${max}` : name;
}

/** N17: `container:<id>` → `service:<name>` when the id is a known compose container; attached network → null. */
export function networkModeOf(
  mode: string | null | undefined,
  networks: ReadonlySet<string>,
  idToService: ReadonlyMap<string, string>,
): string | null {
  if (mode === null || mode === undefined || mode === '') return null;
  if (mode.startsWith('container:')) {
    const id = mode.slice('container:'.length);
    const hit = [...idToService].find(([full]) => full === id || full.startsWith(id));
    return hit === undefined ? `container:${id.slice(0, 12)}` : `service:${hit[1]}`;
  }
  if (networks.has(mode) && !['bridge', 'host', 'none'].includes(mode)) return null;
  return mode === 'default' ? 'bridge' : mode;
}

/** `host:ip` (engine form) → `host=ip`. */
export const extraHostsOf = (hosts: readonly string[] | null | undefined): Set<string> =>
  new Set((hosts ?? []).map((h) => (h.includes('=') ? h : h.replace(':', '='))));
