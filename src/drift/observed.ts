import { containerInspectSchema, imageInspectSchema, type ContainerInspect } from './inspect-schema.js';
import { toImageRef, type ImageDefaults, type ObservedContainer } from './model.js';
import { envMap, extraHostsOf, mountsOf, networkModeOf, portsOf, restartOf, toHealthSpec } from './observed-fields.js';

const L = 'com.docker.compose.';

/** Raw inspect output of one container and of its image (`GET /images/{container.Image}/json`). */
export interface InspectPair {
  readonly container: unknown;
  readonly image: unknown;
}

const caps = (list: readonly string[] | null | undefined): Set<string> =>
  new Set((list ?? []).map((c) => c.toUpperCase().replace(/^CAP_/, '')));

const blankToNull = (s: string | null | undefined): string | null =>
  s === undefined || s === null || s === '' ? null : s;

const configFiles = (label: string | undefined): string[] | null =>
  label === undefined ? null : label.split(',').map((f) => f.slice(f.lastIndexOf('/') + 1));

const isBuiltinOnly = (mode: string | null | undefined, networks: ReadonlySet<string>): boolean =>
  mode !== null &&
  mode !== undefined &&
  ['bridge', 'host', 'none'].includes(mode) &&
  [...networks].every((n) => n === mode);

/** Project and service from compose labels (N1); names (`stack_svc_1`, `stack-svc-1`) only as a fallback. */
export function identify(
  c: ContainerInspect,
  knownProjects: readonly string[] = [],
): { project: string | null; service: string | null } {
  const labels = c.Config?.Labels ?? {};
  const project = labels[`${L}project`];
  const service = labels[`${L}service`];
  if (project !== undefined && service !== undefined) return { project, service };
  const name = (c.Name ?? '').replace(/^\//, '');
  for (const p of knownProjects) {
    const m = new RegExp(`^${p.replace(/[-]/g, '\\-')}[_-](.+)[_-]\\d+$`).exec(name);
    if (m?.[1] !== undefined) return { project: p, service: m[1] };
  }
  return { project: project ?? null, service: service ?? null };
}

function imageDefaults(raw: unknown): ImageDefaults {
  const parsed = imageInspectSchema.safeParse(raw ?? {});
  const cfg = parsed.success ? parsed.data.Config : undefined;
  return {
    env: envMap(cfg?.Env),
    labels: new Map(Object.entries(cfg?.Labels ?? {})),
    cmd: cfg?.Cmd ?? null,
    entrypoint: cfg?.Entrypoint ?? null,
    user: blankToNull(cfg?.User),
    workingDir: blankToNull(cfg?.WorkingDir),
    healthcheck: toHealthSpec(cfg?.Healthcheck),
    volumes: new Set(Object.keys(cfg?.Volumes ?? {})),
  };
}

/**
 * One inspected container → the normalised observed model (design N4–N28). Pure: `idToService`
 * (container id → compose service) resolves `network_mode: container:<id>`. Throws only when the
 * payload is not a container inspect object at all (no `Id`).
 */
export function toObserved(
  pair: InspectPair,
  idToService: ReadonlyMap<string, string> = new Map(),
  knownProjects: readonly string[] = [],
): ObservedContainer {
  const c = containerInspectSchema.parse(pair.container);
  const cfg = c.Config;
  const hc = c.HostConfig;
  const labels = cfg?.Labels ?? {};
  const networks = new Set(Object.keys(c.NetworkSettings?.Networks ?? {}));
  return {
    id: c.Id,
    name: (c.Name ?? '').replace(/^\//, ''),
    ...identify(c, knownProjects),
    // One-off (`compose run`) and hook containers are not services (design N1).
    oneoff: labels[`${L}oneoff`] === 'True' || labels[`${L}hook`] !== undefined,
    state: c.State?.Status ?? 'unknown',
    workingDir: labels[`${L}project.working_dir`] ?? null,
    configFiles: configFiles(labels[`${L}project.config_files`]),
    imageDefaults: imageDefaults(pair.image),
    model: {
      image: toImageRef(cfg?.Image ?? ''),
      environment: envMap(cfg?.Env),
      labels: new Map(Object.entries(labels)),
      ports: portsOf(hc),
      mounts: mountsOf(c),
      // `network_mode: host|bridge|none` (and `container:`) joins no service networks, as compose renders it.
      networks:
        hc?.NetworkMode?.startsWith('container:') === true || isBuiltinOnly(hc?.NetworkMode, networks)
          ? new Set()
          : networks,
      networkMode: networkModeOf(hc?.NetworkMode, networks, idToService),
      restart: restartOf(hc),
      healthcheck: toHealthSpec(cfg?.Healthcheck),
      command: cfg?.Cmd ?? null,
      entrypoint: cfg?.Entrypoint ?? null,
      user: blankToNull(cfg?.User),
      workingDir: blankToNull(cfg?.WorkingDir),
      capAdd: caps(hc?.CapAdd),
      capDrop: caps(hc?.CapDrop),
      devices: new Map(
        (hc?.Devices ?? []).map((d) => [
          d.PathInContainer ?? '',
          `${d.PathOnHost ?? ''}:${d.CgroupPermissions ?? 'rwm'}`,
        ]),
      ),
      privileged: hc?.Privileged === true,
      extraHosts: extraHostsOf(hc?.ExtraHosts),
      dns: new Set(hc?.Dns ?? []),
      sysctls: new Map(Object.entries(hc?.Sysctls ?? {})),
      ulimits: new Map((hc?.Ulimits ?? []).map((u) => [u.Name ?? '', `${String(u.Soft ?? 0)}:${String(u.Hard ?? 0)}`])),
      logging:
        hc?.LogConfig === null || hc?.LogConfig === undefined
          ? null
          : { driver: hc.LogConfig.Type ?? '', options: new Map(Object.entries(hc.LogConfig.Config ?? {})) },
    },
  };
}

/** Converts every container of a host, resolving `container:<id>` namespaces between them. */
export function toObservedContainers(
  pairs: readonly InspectPair[],
  knownProjects: readonly string[] = [],
): ObservedContainer[] {
  const idToService = new Map<string, string>();
  for (const p of pairs) {
    const c = containerInspectSchema.safeParse(p.container);
    if (!c.success) continue;
    const { service } = identify(c.data, knownProjects);
    if (service !== null) idToService.set(c.data.Id, service);
  }
  return pairs
    .filter((p) => containerInspectSchema.safeParse(p.container).success)
    .map((p) => toObserved(p, idToService, knownProjects));
}
