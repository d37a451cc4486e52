import type { HostConfig } from '../config/schema.js';
import { isAppError } from '../errors.js';
import { rememberSecrets, type Logger } from '../log.js';
import type { HostStatus, ServiceSides } from './audit-report.js';
import { serviceKey } from './audit-report.js';
import { compareHost, ownedBy } from './compare-host.js';
import type { DriftItem } from './drift-item.js';
import { envSecrets, readHostEnvs, workingDirs } from './host-env.js';
import { loadHostStacks } from './load-host-stacks.js';
import { normalizeProjectName, type LoadedStack } from './load-stack.js';
import type { ObservedContainer } from './model.js';
import { toObservedContainers, type InspectPair } from './observed.js';
import { serviceSides } from './service-sides.js';

type RawObject = Readonly<Record<string, unknown>>;

/** What the audit needs of a Docker host (a subset of `src/infra`'s `DockerHost`). */
export interface AuditDockerHost {
  listContainers(options?: { readonly all?: boolean }): Promise<readonly RawObject[]>;
  inspectContainers(ids: readonly string[], options?: { readonly concurrency?: number }): Promise<readonly RawObject[]>;
  inspectImages(
    ids: readonly string[],
    options?: { readonly concurrency?: number },
  ): Promise<ReadonlyMap<string, RawObject>>;
  readFile(path: string): Promise<string | null>;
  /** Optional: prepares for `readFile` while the containers are listed (see `DockerHost`). */
  prepareFiles?(): void;
  close(): Promise<void>;
}

/** Opens the Docker connection of one configured host; rejects with a precise (ideally `ExternalError`) message. */
export type ConnectHost = (host: HostConfig) => Promise<AuditDockerHost>;

/** One host's part of an audit. */
export interface HostAudit {
  readonly status: HostStatus;
  readonly items: readonly DriftItem[];
  readonly sides: readonly ServiceSides[];
  readonly servicesAudited: number;
  /** Per stack: the host `.env` text (secret material: kept in memory, never reported) and project dir. */
  readonly stackHosts?: ReadonlyMap<string, StackOnHost>;
  /** The host's containers as inspected (secret material: in memory only, for remediation and adoption). */
  readonly observed?: readonly ObservedContainer[];
}

/** What remediation needs to render a stack as the host does. */
export interface StackOnHost {
  readonly hostEnv?: string;
  readonly projectDir?: string;
}

/** Which stacks of the snapshot this host compares; known once the branch snapshot is discovered. */
export interface HostPlan {
  readonly repoDir: string;
  readonly stacksDir: string;
  /** Stacks of this host to compare (already filtered). */
  readonly stacks: readonly string[];
  /** With a stack filter, only that stack's containers are looked at (others are not "unmanaged"). */
  readonly onlyStacks: boolean;
  /** Largest compose file parsed, in bytes (config `limits.composeFileSize`). */
  readonly maxComposeBytes?: number | undefined;
}

export interface AuditHostInput {
  readonly host: HostConfig;
  /**
   * The plan, awaited only after the host's containers are inspected, so connecting and inspecting
   * overlap the git snapshot. Its rejection (e.g. unknown stack) propagates; host failures do not.
   */
  readonly plan: () => Promise<HostPlan>;
  readonly configSecrets: readonly string[];
  readonly connect: ConnectHost;
  readonly now: () => number;
  readonly log: Logger;
}

const INSPECT_CAP = 6;
const str = (o: RawObject, key: string): string | undefined => (typeof o[key] === 'string' ? o[key] : undefined);

/**
 * Inspects the listed containers and their images. The listing names each container's image
 * id, so containers and images are inspected at the same time; an image the listing did not
 * name (a container recreated in between) is inspected afterwards.
 */
export async function inspectListed(docker: AuditDockerHost, listed: readonly RawObject[]): Promise<InspectPair[]> {
  const ids = listed.map((c) => str(c, 'Id')).filter((id): id is string => id !== undefined);
  const listedImages = listed.map((c) => str(c, 'ImageID')).filter((id): id is string => id !== undefined);
  const [containers, images] = await Promise.all([
    docker.inspectContainers(ids, { concurrency: INSPECT_CAP }),
    docker.inspectImages(listedImages, { concurrency: INSPECT_CAP }),
  ]);
  const late = containers.map((c) => str(c, 'Image')).filter((id): id is string => id !== undefined && !images.has(id));
  const more = late.length === 0 ? new Map<string, RawObject>() : await docker.inspectImages(late);
  return containers.map((container) => {
    const image = str(container, 'Image') ?? '';
    return { container, image: images.get(image) ?? more.get(image) };
  });
}

/** Lists every container of the host and inspects it and its image. */
export async function inspectAll(docker: AuditDockerHost): Promise<InspectPair[]> {
  return inspectListed(docker, await docker.listContainers({ all: true }));
}

/** What `workingDirs` needs of a listed container: its compose labels (the same as inspect's). */
function listedProject(c: RawObject): { project: string | null; workingDir: string | null } {
  const labels = (typeof c['Labels'] === 'object' && c['Labels'] !== null ? c['Labels'] : {}) as Record<
    string,
    unknown
  >;
  const label = (key: string): string | null => {
    const value = labels[`com.docker.compose.${key}`];
    return typeof value === 'string' ? value : null;
  };
  return { project: label('project'), workingDir: label('project.working_dir') };
}

/**
 * Reads the host `.env` of each planned stack while the containers are inspected: the project
 * folders are in the listing's compose labels. Rejects only with the plan's rejection.
 */
function readEnvsEarly(
  docker: AuditDockerHost,
  listed: readonly RawObject[],
  input: AuditHostInput,
): Promise<ReadonlyMap<string, string>> {
  const { host, log } = input;
  if (!host.readHostEnv) return Promise.resolve(new Map<string, string>());
  return input.plan().then(async (plan) => {
    const t0 = input.now();
    const envs = await readHostEnvs(docker, workingDirs(plan.stacks, listed.map(listedProject), host.deployDir), log);
    log.debug({ host: host.name, envFiles: envs.size, envMs: input.now() - t0 }, 'host .env files read');
    return envs;
  });
}

function sidesOf(
  host: string,
  items: readonly DriftItem[],
  stacks: readonly LoadedStack[],
  live: readonly ObservedContainer[],
  known: readonly string[],
): ServiceSides[] {
  const seen = new Map<string, ServiceSides>();
  for (const item of items) {
    if (item.service === null || seen.has(serviceKey(item))) continue;
    if (item.kind === 'unmanaged-container') {
      const container = live.find(
        (c) => !c.oneoff && (c.project ?? '') === item.stack && (c.service ?? c.name) === item.service,
      );
      seen.set(serviceKey(item), serviceSides(host, null, container ?? null, known));
      continue;
    }
    const exp =
      stacks
        .flatMap((s) => (s.ok ? s.services : []))
        .find((s) => s.stack === item.stack && s.service === item.service) ?? null;
    const obs = live.find((c) => exp !== null && ownedBy(c, exp) && !c.oneoff) ?? null;
    seen.set(serviceKey(item), serviceSides(host, exp, obs, known));
  }
  return [...seen.values()];
}

const failure = (name: string, error: unknown): HostAudit => ({
  status: {
    name,
    reachable: false,
    error: error instanceof Error ? error.message : String(error),
    ...(isAppError(error) ? { code: error.code } : {}),
  },
  items: [],
  sides: [],
  servicesAudited: 0,
});

async function compareWith(
  pairs: readonly InspectPair[],
  hostEnvsRead: Promise<ReadonlyMap<string, string>>,
  plan: HostPlan,
  input: AuditHostInput,
): Promise<HostAudit> {
  const { host, log } = input;
  const projects = plan.stacks.map(normalizeProjectName);
  const all = toObservedContainers(pairs, projects);
  // Hand-made containers (no compose project) stay: one may be a service of these stacks by `container_name`.
  const observed = plan.onlyStacks ? all.filter((c) => c.project === null || projects.includes(c.project)) : all;
  const dirs = workingDirs(plan.stacks, observed, host.deployDir);
  const hostEnvs = await hostEnvsRead;
  const stacks = await loadHostStacks({
    repoDir: plan.repoDir,
    stacksDir: plan.stacksDir,
    endpoint: host.endpoint,
    stacks: plan.stacks,
    hostEnvs,
    projectDirs: dirs,
    maxComposeBytes: plan.maxComposeBytes,
  });
  const learned = [...envSecrets(hostEnvs), ...stacks.flatMap((s) => (s.ok ? (s.secretValues ?? []) : []))];
  rememberSecrets(log, learned);
  const knownSecrets = [...input.configSecrets, ...learned];
  const items = compareHost({
    hostName: host.name,
    expectedStacks: stacks,
    observedContainers: observed,
    knownSecrets,
  }).filter((i) => !plan.onlyStacks || i.kind !== 'unmanaged-container' || projects.includes(i.stack));
  const servicesAudited = stacks.reduce((n, s) => n + (s.ok ? s.services.length : 0), 0);
  const stackHosts = new Map(
    plan.stacks.map((s): [string, StackOnHost] => {
      const env = hostEnvs.get(s);
      const dir = dirs.get(s);
      return [s, { ...(env === undefined ? {} : { hostEnv: env }), ...(dir === undefined ? {} : { projectDir: dir }) }];
    }),
  );
  return {
    status: { name: host.name, reachable: true },
    items,
    sides: sidesOf(host.name, items, stacks, observed, knownSecrets),
    servicesAudited,
    stackHosts,
    observed,
  };
}

/** Audits one host; a host that cannot be reached or read is a value (`reachable: false`), never a throw. */
export async function auditHost(input: AuditHostInput): Promise<HostAudit> {
  const { host, log, now } = input;
  const t0 = now();
  let docker: AuditDockerHost;
  try {
    docker = await input.connect(host);
  } catch (error) {
    return failure(host.name, error);
  }
  try {
    const t1 = now();
    // Starting the host's SFTP server takes a while: begin as soon as the plan says .env files will be read.
    if (host.readHostEnv)
      input.plan().then(
        (plan) => {
          if (plan.stacks.length > 0) docker.prepareFiles?.();
        },
        () => undefined,
      );
    let pairs: InspectPair[];
    let hostEnvs: Promise<ReadonlyMap<string, string>>;
    try {
      const listed = await docker.listContainers({ all: true });
      hostEnvs = readEnvsEarly(docker, listed, input);
      // A rejected plan is reported below (awaited on its own); this copy must not go unhandled.
      hostEnvs.catch(() => undefined);
      pairs = await inspectListed(docker, listed);
    } catch (error) {
      return failure(host.name, error);
    }
    const t2 = now();
    const plan = await input.plan();
    const t3 = now();
    try {
      const audit = await compareWith(pairs, hostEnvs, plan, input);
      log.info(
        {
          host: host.name,
          containers: pairs.length,
          connectMs: t1 - t0,
          inspectMs: t2 - t1,
          planWaitMs: t3 - t2,
          compareMs: now() - t3,
        },
        'host audited',
      );
      return audit;
    } catch (error) {
      return failure(host.name, error);
    }
  } finally {
    await docker.close().catch((error: unknown) => {
      log.warn({ host: host.name, err: String(error) }, 'closing the docker host failed');
    });
  }
}
