import { alternativeImage } from './fixture-images.js';
import { composeContainer, editAndRecreate, getEntry, scalar, setEntry } from './compose-edit.js';
import type { LabHost } from './lab-host.js';
import type { LabHostName } from './lab-paths.js';
import { freePort } from './lab-paths.js';

/** What a drift helper changed, so tests can assert on it. */
export interface PlantedDrift {
  readonly kind:
    | 'env'
    | 'image'
    | 'label'
    | 'port'
    | 'volume'
    | 'restart'
    | 'network-mode'
    | 'unmanaged'
    | 'stopped'
    | 'missing'
    | 'broken-yaml'
    | 'stale-stack';
  readonly host?: LabHostName;
  readonly stack: string;
  readonly service?: string;
  /** Container name after the change (absent when the container was removed). */
  readonly container?: string;
  /** Which setting changed, e.g. `environment.TZ`, `image`, `ports`. */
  readonly field: string;
  readonly before?: string;
  readonly after?: string;
  /** Commit pushed to the apps remote, for git-side drifts. */
  readonly commit?: string;
}

/** The part of a lab the helpers need. */
export interface DriftTarget {
  readonly hostForStack: (stack: string) => LabHost;
}

export interface ServiceRef {
  readonly stack: string;
  readonly service: string;
}

async function recreate(
  lab: DriftTarget,
  ref: ServiceRef,
  kind: PlantedDrift['kind'],
  field: string,
  mutate: (svc: Record<string, unknown>) => { before?: string; after: string },
): Promise<PlantedDrift> {
  const host = lab.hostForStack(ref.stack);
  const { before, after } = await editAndRecreate(host, ref.stack, ref.service, mutate);
  const container = await composeContainer(host, ref.stack, ref.service);
  return { kind, host: host.name, ...ref, container, field, ...(before === undefined ? {} : { before }), after };
}

/** Recreates the service with `environment.<key>=<value>` (as written in the compose file). */
export const plantEnvDrift = (
  lab: DriftTarget,
  ref: ServiceRef & { key: string; value: string },
): Promise<PlantedDrift> =>
  recreate(lab, ref, 'env', `environment.${ref.key}`, (svc) => {
    const before = getEntry(svc['environment'], ref.key);
    svc['environment'] = setEntry(svc['environment'], ref.key, ref.value);
    return { ...(before === undefined ? {} : { before }), after: ref.value };
  });

/** Recreates the service with the alternative tag of its image (or `image` when given). */
export const plantImageDrift = (lab: DriftTarget, ref: ServiceRef & { image?: string }): Promise<PlantedDrift> =>
  recreate(lab, ref, 'image', 'image', (svc) => {
    const before = scalar(svc['image']) ?? '';
    const after = ref.image ?? alternativeImage(before);
    svc['image'] = after;
    return { before, after };
  });

/** Recreates the service with label `<key>=<value>` added or changed. */
export const plantLabelDrift = (
  lab: DriftTarget,
  ref: ServiceRef & { key: string; value: string },
): Promise<PlantedDrift> =>
  recreate(lab, ref, 'label', `labels.${ref.key}`, (svc) => {
    const before = getEntry(svc['labels'], ref.key);
    svc['labels'] = setEntry(svc['labels'], ref.key, ref.value);
    return { ...(before === undefined ? {} : { before }), after: ref.value };
  });

/** Recreates the service with its first port published on another free 127.0.0.1 port. */
export async function plantPortDrift(lab: DriftTarget, ref: ServiceRef): Promise<PlantedDrift> {
  const hostPort = await freePort();
  return recreate(lab, ref, 'port', 'ports', (svc) => {
    const ports = Array.isArray(svc['ports']) ? svc['ports'].map(String) : [];
    const [first, ...rest] = ports;
    if (first === undefined) throw new Error(`${ref.stack}/${ref.service} publishes no port`);
    const containerPort = first.split(':').at(-1) ?? '';
    const after = `127.0.0.1:${hostPort}:${containerPort}`;
    svc['ports'] = [after, ...rest];
    return { before: first, after };
  });
}

/** Recreates the service with an extra bind mount `<srvDir>/planted:<target>` (default `/planted`). */
export const plantVolumeDrift = (lab: DriftTarget, ref: ServiceRef & { target?: string }): Promise<PlantedDrift> =>
  recreate(lab, ref, 'volume', 'volumes', (svc) => {
    const after = `${lab.hostForStack(ref.stack).srvDir}/planted:${ref.target ?? '/planted'}`;
    svc['volumes'] = [...(Array.isArray(svc['volumes']) ? svc['volumes'] : []), after];
    return { after };
  });

/** Recreates the service with another restart policy (default `"no"`). */
export const plantRestartDrift = (lab: DriftTarget, ref: ServiceRef & { policy?: string }): Promise<PlantedDrift> =>
  recreate(lab, ref, 'restart', 'restart', (svc) => {
    const before = scalar(svc['restart']);
    svc['restart'] = ref.policy ?? 'no';
    return { ...(before === undefined ? {} : { before }), after: ref.policy ?? 'no' };
  });

/** Recreates the service with another `network_mode` (default `none`; e.g. qbittorrent leaving gluetun). */
export const plantNetworkModeDrift = (lab: DriftTarget, ref: ServiceRef & { mode?: string }): Promise<PlantedDrift> =>
  recreate(lab, ref, 'network-mode', 'network_mode', (svc) => {
    const before = scalar(svc['network_mode']);
    const after = ref.mode ?? 'none';
    svc['network_mode'] = after;
    delete svc['networks'];
    if (after === 'none' || after === 'host') delete svc['ports'];
    return { ...(before === undefined ? {} : { before }), after };
  });
