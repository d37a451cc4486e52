import { posix } from 'node:path';
import type { ExpectedService, ServiceModel } from '../model.js';
import { toImageRef } from '../model.js';
import { toMarker, WILDCARD } from '../template.js';
import {
  toArgs,
  toCaps,
  toDevices,
  toExtraHosts,
  toHealthcheck,
  toLogging,
  toRestart,
  toStringSet,
  toUlimits,
} from './canonical-fields.js';
import { toMounts, type MountContext } from './canonical-mounts.js';
import { toPortBindings } from './canonical-ports.js';
import { parseDotenv } from './dotenv.js';
import type { InterpolationEnv } from './interpolate.js';
import { isMap, scalar, toKeyMap, toList, type YamlMap } from './merge-helpers.js';

/** Everything canonicalisation needs besides the merged service mapping. */
export interface CanonicalContext extends MountContext {
  readonly stack: string;
  /** Top-level `networks:` section. */
  readonly networks: YamlMap;
  /** Interpolation env, used to fill bare `environment` keys. */
  readonly env: InterpolationEnv;
  /** Contents of `env_file`s the bot can read, by absolute path. */
  readonly envFiles: ReadonlyMap<string, string>;
  /** Compose files merged, in order. */
  readonly composeFiles: readonly string[];
}

function networkName(key: string, ctx: CanonicalContext): string {
  const def = ctx.networks[key];
  if (isMap(def) && typeof def.name === 'string') return def.name;
  if (isMap(def) && (def.external === true || def.external === 'true')) return key;
  return `${ctx.project}_${key}`;
}

function toEnvironment(svc: YamlMap, ctx: CanonicalContext): { env: Map<string, string | null>; opaque: boolean } {
  const env = new Map<string, string | null>();
  let opaque = false;
  for (const entry of toList(svc.env_file)) {
    const path = posix.resolve(ctx.projectDir, scalar(isMap(entry) ? entry.path : entry));
    const text = ctx.envFiles.get(path);
    if (text === undefined) opaque = true;
    else for (const [k, v] of parseDotenv(text, ctx.env).values) env.set(k, v);
  }
  for (const [k, v] of Object.entries(toKeyMap(svc.environment))) {
    const inherited = ctx.env.values.get(k) ?? (ctx.env.complete ? null : toMarker(k));
    env.set(k, v ?? inherited);
  }
  return { env, opaque };
}

function toNetworks(svc: YamlMap, ctx: CanonicalContext): Pick<ServiceModel, 'networks' | 'networkMode'> {
  if (typeof svc.network_mode === 'string') return { networks: new Set(), networkMode: svc.network_mode };
  const keys = isMap(svc.networks) ? Object.keys(svc.networks) : toList(svc.networks).map(scalar);
  return {
    networks: new Set((keys.length === 0 ? ['default'] : keys).map((k) => networkName(k, ctx))),
    networkMode: null,
  };
}

const image = (svc: YamlMap): ServiceModel['image'] =>
  typeof svc.image === 'string' ? toImageRef(svc.image) : { repo: WILDCARD, tag: WILDCARD, digest: '' };

/** Turns one merged, interpolated service mapping into the normalised expected model (design §2.4). */
export function toExpectedService(service: string, svc: YamlMap, ctx: CanonicalContext): ExpectedService {
  const { env, opaque } = toEnvironment(svc, ctx);
  const labels = new Map(Object.entries(toKeyMap(svc.labels)).map(([k, v]) => [k, v ?? '']));
  const model: ServiceModel = {
    image: image(svc),
    environment: env,
    labels,
    ports: toPortBindings(svc.ports),
    mounts: toMounts(svc.volumes, svc.tmpfs, ctx),
    ...toNetworks(svc, ctx),
    restart: toRestart(svc),
    healthcheck: toHealthcheck(svc.healthcheck),
    command: toArgs(svc.command),
    entrypoint: toArgs(svc.entrypoint),
    user: typeof svc.user === 'string' && svc.user !== '' ? svc.user : null,
    workingDir: typeof svc.working_dir === 'string' && svc.working_dir !== '' ? svc.working_dir : null,
    capAdd: toCaps(svc.cap_add),
    capDrop: toCaps(svc.cap_drop),
    devices: toDevices(svc.devices),
    privileged: svc.privileged === true || svc.privileged === 'true',
    extraHosts: toExtraHosts(svc.extra_hosts),
    dns: toStringSet(svc.dns),
    sysctls: new Map(Object.entries(toKeyMap(svc.sysctls)).map(([k, v]) => [k, v ?? ''])),
    ulimits: toUlimits(svc.ulimits),
    logging: toLogging(svc.logging),
  };
  const containerName = typeof svc.container_name === 'string' ? svc.container_name : null;
  return {
    stack: ctx.stack,
    project: ctx.project,
    service,
    containerName,
    model,
    opaqueEnv: opaque,
    projectDir: ctx.projectDir,
    composeFiles: ctx.composeFiles,
  };
}
