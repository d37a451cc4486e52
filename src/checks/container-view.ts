/** A bind or volume mount as Docker inspect reports it. */
export interface MountFact {
  /** Host path (for named volumes: the volume's data dir on the host). */
  readonly source: string;
  /** Path inside the container. */
  readonly destination: string;
}

/** What the checks need to know about one service's container. */
export interface ContainerFacts {
  readonly id: string;
  readonly name: string;
  readonly host: string;
  /** `com.docker.compose.project`. */
  readonly stack: string;
  readonly service: string;
  readonly mounts: readonly MountFact[];
  /** `HostConfig.NetworkMode`: `bridge`, `host`, `container:<id>`, or a network name. */
  readonly networkMode: string;
  /** `Config.Env` as name → value. Holds secrets: compare only, never put a value in a finding or log. */
  readonly env: ReadonlyMap<string, string>;
}

/** Finds service containers by compose service name across the configured hosts. */
export interface ContainerView {
  find(service: string): Promise<ContainerFacts | undefined>;
  /** Every compose container on the configured hosts. */
  all(): Promise<ContainerFacts[]>;
}

/**
 * The host path behind a container path: the mount with the longest matching destination wins.
 * Undefined when no mount covers the path (the container cannot see that host folder).
 */
export function toHostPath(mounts: readonly MountFact[], containerPath: string): string | undefined {
  const norm = (p: string): string => p.replace(/\/+$/, '') || '/';
  const path = norm(containerPath);
  const hit = [...mounts]
    .filter((m) => {
      const d = norm(m.destination);
      return path === d || path.startsWith(d === '/' ? '/' : `${d}/`);
    })
    .sort((a, b) => b.destination.length - a.destination.length)[0];
  if (hit === undefined) return undefined;
  const rest = path.slice(norm(hit.destination).length);
  return `${norm(hit.source)}${rest}`.replace(/\/\/+/g, '/');
}

/** The container path that shows `hostPath`, if one of the mounts covers it. */
export function toContainerPath(mounts: readonly MountFact[], hostPath: string): string | undefined {
  const norm = (p: string): string => p.replace(/\/+$/, '') || '/';
  const path = norm(hostPath);
  const hit = [...mounts]
    .filter((m) => {
      const s = norm(m.source);
      return path === s || path.startsWith(`${s}/`);
    })
    .sort((a, b) => b.source.length - a.source.length)[0];
  return hit === undefined ? undefined : `${norm(hit.destination)}${path.slice(norm(hit.source).length)}`;
}
