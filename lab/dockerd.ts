import { mkdir } from 'node:fs/promises';
import { request } from 'node:http';
import { cgroupParent, poolOctet, type LabPaths } from './lab-paths.js';
import { run, spawnDaemon, waitFor, type RunResult } from './proc.js';

/** One lab dockerd: its socket and a `docker` CLI bound to it. */
export interface LabDockerd {
  readonly socket: string;
  readonly dockerHost: string;
  readonly pid: number;
  readonly docker: (args: readonly string[]) => Promise<RunResult>;
}

/** GET /_ping on a docker unix socket; true on "OK". */
export function pingDocker(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        resolve(res.statusCode === 200 && body === 'OK');
      });
    });
    req.on('error', () => {
      resolve(false);
    });
    req.end();
  });
}

/**
 * Flags that work in this sandbox (dockerd 20.10, cgroup v1, no registry):
 * - vfs storage: no overlayfs-in-overlay trouble, images stay tiny so the copy cost is small;
 * - `--iptables=false --ip6tables=false`: both daemons share one netns and must not fight over NAT
 *   chains; published ports still work through the userland docker-proxy;
 * - `--bridge=none`: both daemons would otherwise want `docker0`; compose creates its own
 *   per-project bridges from the per-host `--default-address-pool`;
 * - `--cgroup-parent`: container processes are found (and killed) by cgroup after a crash;
 * - `--shutdown-timeout=1`: busybox PID 1 ignores SIGTERM, so don't wait 10 s per container.
 * dockerd starts its own managed containerd under the exec-root.
 */
function dockerdArgs(paths: LabPaths, index: number, socket: string): string[] {
  const dir = paths.hostDir(index);
  return [
    '--storage-driver=vfs',
    '--iptables=false',
    '--ip6tables=false',
    '--bridge=none',
    `--data-root=${dir}/docker/data`,
    `--exec-root=${dir}/docker/exec`,
    `--pidfile=${paths.pidsDir}/dockerd-h${index + 1}.pid`,
    `--host=unix://${socket}`,
    `--default-address-pool=base=10.${poolOctet(paths.name, index)}.0.0/16,size=24`,
    `--cgroup-parent=${cgroupParent(paths.name, index)}`,
    '--shutdown-timeout=1',
    '--log-level=warn',
  ];
}

/** Starts dockerd for host `index` and waits until its API answers `/_ping`. */
export async function startDockerd(paths: LabPaths, index: number): Promise<LabDockerd> {
  const dir = paths.hostDir(index);
  await mkdir(`${dir}/docker`, { recursive: true });
  const socket = `${dir}/docker.sock`;
  const pid = spawnDaemon('dockerd', dockerdArgs(paths, index, socket), `${dir}/dockerd.log`);
  await waitFor(`dockerd of host ${index + 1}`, () => pingDocker(socket), 60_000);
  const dockerHost = `unix://${socket}`;
  const env = { ...process.env, DOCKER_HOST: dockerHost };
  return { socket, dockerHost, pid, docker: (args) => run('docker', args, { env }) };
}
