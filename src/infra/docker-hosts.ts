import type { HostConfig } from '../config/schema.js';
import { ExternalError, isAppError } from '../errors.js';
import type { Logger } from '../log.js';
import type { DockerHost } from './docker-host.js';
import { connectDockerHost, type DockerHostDeps } from './docker-over-ssh.js';
import { classifySshError } from './host-errors.js';

/** One host's outcome: a connected {@link DockerHost} or the classified reason it is not available. */
export type HostConnection =
  | { readonly name: string; readonly ok: true; readonly docker: DockerHost }
  | { readonly name: string; readonly ok: false; readonly error: ExternalError };

/**
 * Connects to every host in parallel; one bad host (unreachable, wrong key, unknown host key,
 * socket denied) never blocks or fails the others. Results keep the order of `hosts`.
 */
export async function connectHosts(
  hosts: readonly HostConfig[],
  log: Logger,
  deps: Omit<DockerHostDeps, 'log'> = {},
): Promise<HostConnection[]> {
  return Promise.all(
    hosts.map(async (host): Promise<HostConnection> => {
      try {
        return { name: host.name, ok: true, docker: await connectDockerHost(host, { ...deps, log }) };
      } catch (error) {
        const classified =
          error instanceof ExternalError ? error : classifySshError(host, isAppError(error) ? error.message : error);
        log.warn({ host: host.name, code: classified.code, err: classified.message }, 'docker host unavailable');
        return { name: host.name, ok: false, error: classified };
      }
    }),
  );
}

/** Closes every connected host of {@link connectHosts}' result. */
export async function closeHosts(connections: readonly HostConnection[]): Promise<void> {
  await Promise.all(connections.map((c) => (c.ok ? c.docker.close() : Promise.resolve())));
}
