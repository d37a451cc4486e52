import { access, mkdir } from 'node:fs/promises';
import { startDockerd, type LabDockerd } from './dockerd.js';
import { loadBaseImages } from './base-image.js';
import { labHostSpecs, type LabHostName, type LabPaths } from './lab-paths.js';
import { run, type RunResult } from './proc.js';
import { startSshd, type LabSshd } from './sshd.js';

/** One Docker "host" of the lab: a dockerd reachable only through its own sshd. */
export interface LabHost {
  readonly name: LabHostName;
  /** Selects `docker-compose.<endpoint>.yml` (`docker01` / `media01`). */
  readonly endpoint: string;
  readonly sshHost: string;
  readonly sshPort: number;
  readonly sshUser: string;
  readonly privateKeyPath: string;
  /** `SHA256:…` as printed by `ssh-keygen -lf`. */
  readonly hostKeyFingerprint: string;
  /** known_hosts file listing every lab host as `[127.0.0.1]:<port>`. */
  readonly knownHostsPath: string;
  /** The dockerd unix socket, as an SSH session on this host sees it (`DOCKER_HOST`). */
  readonly dockerSocket: string;
  readonly dockerHost: string;
  /** The host's checkout of the apps repo (with the real `.env` files). */
  readonly checkout: string;
  /** Host-side directory for bind mounts. */
  readonly srvDir: string;
  /** `docker <args>` against this host's dockerd (locally, not through SSH). */
  readonly docker: (args: readonly string[]) => Promise<RunResult>;
  /** `docker-compose -p <stack> -f … <args>` in the host checkout, with the endpoint override when present. */
  readonly compose: (stack: string, args: readonly string[]) => Promise<RunResult>;
}

/** Processes and handles of a started host, before it becomes a {@link LabHost}. */
export interface StartedHost {
  readonly dockerd: LabDockerd;
  readonly sshd: LabSshd;
}

/** Starts dockerd + sshd for host `index`, loads the base images and creates the external `proxy` network. */
export async function startHost(paths: LabPaths, index: number, tar: string): Promise<StartedHost> {
  const dockerd = await startDockerd(paths, index);
  const [sshd] = await Promise.all([startSshd(paths, index, dockerd.socket), loadBaseImages(dockerd.docker, tar)]);
  const net = await dockerd.docker(['network', 'create', 'proxy']);
  if (net.code !== 0) throw new Error(`creating the proxy network failed: ${net.stderr}`);
  return { dockerd, sshd };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Builds the public {@link LabHost} view of a started host. */
export async function toLabHost(
  paths: LabPaths,
  index: number,
  started: StartedHost,
  checkout: string,
): Promise<LabHost> {
  const spec = labHostSpecs[index];
  if (spec === undefined) throw new Error(`no lab host ${index}`);
  const srvDir = `${paths.hostDir(index)}/srv`;
  await mkdir(`${srvDir}/media/downloads`, { recursive: true });
  // vfs on a loaded 2-core machine can take longer than compose's default 60 s per API call.
  const composeEnv = { ...process.env, DOCKER_HOST: started.dockerd.dockerHost, COMPOSE_HTTP_TIMEOUT: '600' };
  const compose = async (stack: string, args: readonly string[]): Promise<RunResult> => {
    const cwd = `${checkout}/stacks/${stack}`;
    const override = `docker-compose.${spec.endpoint}.yml`;
    const files = ['-f', 'docker-compose.yml', ...((await exists(`${cwd}/${override}`)) ? ['-f', override] : [])];
    return run('docker-compose', ['--ansi', 'never', '-p', stack, ...files, ...args], {
      cwd,
      env: composeEnv,
      timeoutMs: 900_000,
    });
  };
  return {
    name: spec.name,
    endpoint: spec.endpoint,
    sshHost: '127.0.0.1',
    sshPort: started.sshd.port,
    sshUser: 'root',
    privateKeyPath: paths.clientKey,
    hostKeyFingerprint: started.sshd.hostKeyFingerprint,
    knownHostsPath: paths.knownHosts,
    dockerSocket: started.dockerd.socket,
    dockerHost: started.dockerd.dockerHost,
    checkout,
    srvDir,
    docker: started.dockerd.docker,
    compose,
  };
}
