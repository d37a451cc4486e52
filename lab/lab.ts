import { mkdir, writeFile } from 'node:fs/promises';
import { createAppsRepo, cloneHostCheckout, type LabApps } from './apps-repo.js';
import { buildRootfsTar } from './base-image.js';
import { fixtureAppsFiles, fixtureStacks } from './fixture-apps.js';
import { toEnvFile, type FixtureStack } from './fixture-stack.js';
import { freePort, labHostSpecs, labMarkers, labPaths, type LabPaths } from './lab-paths.js';
import { startHost, toLabHost, type LabHost } from './lab-host.js';
import { cleanupLab, findLabProcesses, recordedPids } from './lab-processes.js';
import { startRedis } from './redis.js';
import { createClientKey } from './sshd.js';
import { stopLab } from './stop-lab.js';

export type { LabHost } from './lab-host.js';
export type { LabApps } from './apps-repo.js';

export interface LabOptions {
  /** Lab name; the state dir is `/tmp/hlb-lab/<name>`. Default `lab`. */
  readonly name?: string;
  /** Bring the fixture stacks up with docker-compose (default true). */
  readonly stacks?: boolean;
  /** Extra compose services per host (stack `bulk-<endpoint>`), for benchmarks. Default 0. */
  readonly extraContainersPerHost?: number;
}

/** A running lab. Everything lives under `stateDir`; `stop()` removes it and every process. */
export interface Lab {
  readonly name: string;
  readonly stateDir: string;
  readonly redisUrl: string;
  readonly hosts: readonly LabHost[];
  readonly apps: LabApps;
  /** Every fixture stack with its endpoint, as in `stack-targets.yml`. */
  readonly stacks: readonly FixtureStack[];
  /** The host that runs `stack`. */
  readonly hostForStack: (stack: string) => LabHost;
  readonly stop: () => Promise<void>;
}

async function writeHostEnvs(host: LabHost, stacks: readonly FixtureStack[]): Promise<void> {
  for (const stack of stacks.filter((s) => s.endpoint === host.endpoint)) {
    const ports = Object.fromEntries(
      await Promise.all(stack.portVars.map(async (v) => [v, await freePort()] as const)),
    );
    const env = stack.hostEnv({ ports, srvDir: host.srvDir });
    await writeFile(`${host.checkout}/stacks/${stack.name}/.env`, toEnvFile(env), { mode: 0o600 });
  }
}

async function upStacks(host: LabHost, stacks: readonly FixtureStack[]): Promise<void> {
  const mine = stacks.filter((s) => s.endpoint === host.endpoint);
  const up = async (group: readonly FixtureStack[]): Promise<void> => {
    const results = await Promise.all(
      group.map((s) => host.compose(s.name, ['up', '-d', '--no-color', '--quiet-pull'])),
    );
    const failed = results.findIndex((r) => r.code !== 0);
    if (failed >= 0)
      throw new Error(`docker-compose up of ${group[failed]?.name ?? '?'} failed: ${results[failed]?.stderr ?? ''}`);
  };
  // The bulk stack goes last so its many creates do not starve the operator-shaped stacks.
  await up(mine.filter((s) => !s.name.startsWith('bulk-')));
  await up(mine.filter((s) => s.name.startsWith('bulk-')));
}

async function startInfrastructure(paths: LabPaths, stacks: readonly FixtureStack[]) {
  await mkdir(paths.pidsDir, { recursive: true });
  const [tar] = await Promise.all([buildRootfsTar(`${paths.stateDir}/image`), createClientKey(paths)]);
  const [redis, apps, ...started] = await Promise.all([
    startRedis(paths),
    createAppsRepo(paths, fixtureAppsFiles(stacks)),
    ...labHostSpecs.map((_, i) => startHost(paths, i, tar)),
  ]);
  return { redis, apps, started };
}

/** Starts the whole lab (cleaning up whatever a previous run with that name left behind). */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const paths = labPaths(options.name ?? 'lab');
  await cleanupLab(labMarkers(paths));
  const stacks = fixtureStacks(options.extraContainersPerHost ?? 0);
  try {
    const { redis, apps, started } = await startInfrastructure(paths, stacks);
    await writeFile(paths.knownHosts, started.map((s) => `${s.sshd.knownHostsLine}\n`).join(''));
    const hosts = await Promise.all(
      started.map(async (s, i) => toLabHost(paths, i, s, await cloneHostCheckout(apps.remote, paths.hostDir(i)))),
    );
    await Promise.all(hosts.map((h) => writeHostEnvs(h, stacks)));
    if (options.stacks !== false) await Promise.all(hosts.map((h) => upStacks(h, stacks)));
    const hostForStack = (stack: string): LabHost => {
      const endpoint = stacks.find((s) => s.name === stack)?.endpoint;
      const host = hosts.find((h) => h.endpoint === endpoint);
      if (host === undefined) throw new Error(`no lab host runs stack ${stack}`);
      return host;
    };
    return {
      name: paths.name,
      stateDir: paths.stateDir,
      redisUrl: redis.url,
      hosts,
      apps,
      stacks,
      hostForStack,
      stop: () => stopLab(paths.name),
    };
  } catch (error) {
    await stopLab(paths.name).catch(() => undefined);
    throw error;
  }
}

/** Pids still alive that belong to lab `name`, plus those of `pids` still alive (empty after a clean stop). */
export async function labProcesses(name: string, pids: readonly number[] = []): Promise<number[]> {
  const paths = labPaths(name);
  return findLabProcesses(labMarkers(paths), [...pids, ...(await recordedPids(paths.stateDir))]);
}
