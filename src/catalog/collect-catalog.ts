import type { HostConfig } from '../config/schema.js';
import { UserError } from '../errors.js';
import { rememberSecrets } from '../log.js';
import { inspectAll } from '../drift/audit-host.js';
import { discoverRepo } from '../drift/discover-stacks.js';
import { envSecrets, readHostEnvs, workingDirs } from '../drift/host-env.js';
import { loadHostStacks } from '../drift/load-host-stacks.js';
import { normalizeProjectName } from '../drift/load-stack.js';
import type { ExpectedService, ObservedContainer, ServiceModel } from '../drift/model.js';
import { toObservedContainers, type InspectPair } from '../drift/observed.js';
import type { AuditDeps } from '../drift/run-audit.js';
import type { Catalog, CatalogEntry, CatalogHost } from './catalog-entry.js';
import { catalogClusters } from './cluster-catalog.js';
import { bindsOf, imageName, imageVersion, traefikUrl } from './service-facts.js';

interface HostPart {
  readonly host: CatalogHost;
  readonly entries: readonly CatalogEntry[];
}

const healthOf = (pair: InspectPair): string | undefined => {
  const state = (pair.container as { State?: { Health?: { Status?: unknown } } } | null)?.State;
  return typeof state?.Health?.Status === 'string' ? state.Health.Status : undefined;
};

function entryOf(
  host: string,
  stack: string,
  service: string,
  model: ServiceModel,
  state: string,
  origin: CatalogEntry['origin'],
): CatalogEntry {
  const url = traefikUrl(model.labels);
  const shared = model.networkMode?.startsWith('service:') === true ? model.networkMode : undefined;
  return {
    host,
    stack,
    service,
    image: imageName(model),
    version: imageVersion(model),
    state,
    origin,
    binds: bindsOf(model),
    networks: shared === undefined ? [...model.networks].sort() : [],
    ...(url === undefined ? {} : { url }),
    ...(shared === undefined ? {} : { networkMode: shared }),
  };
}

function mergeHost(
  host: string,
  expected: readonly ExpectedService[],
  observed: readonly ObservedContainer[],
  health: ReadonlyMap<string, string>,
): CatalogEntry[] {
  const live = observed.filter((c) => !c.oneoff);
  const stateOf = (c: ObservedContainer): string => {
    const h = health.get(c.id);
    return h === undefined ? c.state : `${c.state} (${h})`;
  };
  const fromGit = expected.map((e) => {
    const c = live.find((o) => o.project === e.project && o.service === e.service);
    return c === undefined
      ? entryOf(host, e.stack, e.service, e.model, 'not running', 'git-only')
      : entryOf(host, e.stack, e.service, c.model, stateOf(c), 'git+running');
  });
  const projects = new Set(expected.map((e) => e.project));
  const unmanaged = live
    .filter((c) => c.project === null || !projects.has(c.project))
    .map((c) => entryOf(host, c.project ?? '(no stack)', c.service ?? c.name, c.model, stateOf(c), 'unmanaged'));
  return [...fromGit, ...unmanaged];
}

/** State of a service git assigns to a host that could not be read. */
export const UNKNOWN_STATE = 'health unknown (host unreachable)';

/**
 * What git declares for a host that cannot be reached: every service of its stacks, rendered
 * without the host's `.env` (not readable), state unknown. A stack that does not load is left out.
 */
async function declaredOnly(
  host: HostConfig,
  stacks: readonly string[],
  plan: { repoDir: string; stacksDir: string },
): Promise<CatalogEntry[]> {
  try {
    const loaded = await loadHostStacks({
      ...plan,
      endpoint: host.endpoint,
      stacks,
      hostEnvs: new Map(),
      projectDirs: new Map(),
    });
    return loaded
      .flatMap((s) => (s.ok ? s.services : []))
      .map((e) => entryOf(host.name, e.stack, e.service, e.model, UNKNOWN_STATE, 'git-only'));
  } catch {
    return [];
  }
}

async function catalogHost(
  host: HostConfig,
  stacks: readonly string[],
  plan: { repoDir: string; stacksDir: string },
  deps: AuditDeps,
): Promise<HostPart> {
  const down = async (error: unknown): Promise<HostPart> => ({
    host: { name: host.name, reachable: false, error: error instanceof Error ? error.message : String(error) },
    entries: await declaredOnly(host, stacks, plan),
  });
  let docker;
  try {
    docker = await deps.connect(host);
  } catch (error) {
    return await down(error);
  }
  try {
    const pairs = await inspectAll(docker);
    const observed = toObservedContainers(pairs, stacks.map(normalizeProjectName));
    const health = new Map(
      pairs.flatMap((p, i) => {
        const h = healthOf(p);
        const c = observed[i];
        return h === undefined || c === undefined ? [] : [[c.id, h] as const];
      }),
    );
    const dirs = workingDirs(stacks, observed, host.deployDir);
    const hostEnvs = host.readHostEnv ? await readHostEnvs(docker, dirs, deps.log) : new Map<string, string>();
    rememberSecrets(deps.log, envSecrets(hostEnvs));
    const loaded = await loadHostStacks({
      ...plan,
      endpoint: host.endpoint,
      stacks,
      hostEnvs,
      projectDirs: dirs,
      maxComposeBytes: deps.config.limits?.composeFileSize,
    });
    const expected = loaded.flatMap((s) => (s.ok ? s.services : []));
    return { host: { name: host.name, reachable: true }, entries: mergeHost(host.name, expected, observed, health) };
  } catch (error) {
    return await down(error);
  } finally {
    await docker.close().catch(() => undefined);
  }
}

/**
 * The service catalog: every service in git (per host, as assigned) merged with what runs there,
 * plus running containers that are not in git. Read-only; an unreachable host is a value.
 */
export async function collectCatalog(deps: AuditDeps): Promise<Catalog> {
  const apps = deps.config.apps;
  if (apps === undefined)
    throw new UserError(
      'no-apps-repo',
      'No apps repository is configured: add an `apps` section (path and/or url) to the config.',
    );
  const snapshot = await deps.snapshot();
  try {
    const repo = await discoverRepo(snapshot.dir, deps.config.hosts, apps.stacksDir);
    const plan = { repoDir: snapshot.dir, stacksDir: apps.stacksDir };
    const [parts, clusters] = await Promise.all([
      Promise.all(deps.config.hosts.map((h) => catalogHost(h, repo.assignments.get(h.name) ?? [], plan, deps))),
      deps.clusters === undefined
        ? { hosts: [], entries: [] }
        : catalogClusters(deps.clusters.clusters, deps.clusters.connect),
    ]);
    return {
      generatedAt: new Date(deps.now()).toISOString(),
      commit: snapshot.commit,
      hosts: [...parts.map((p) => p.host), ...clusters.hosts],
      entries: [...parts.flatMap((p) => p.entries), ...clusters.entries],
    };
  } finally {
    await snapshot.dispose();
  }
}
