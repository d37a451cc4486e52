import { Agent } from 'node:http';
import { inspect } from 'node:util';
import Docker from 'dockerode';
import { adoptCloser, bounded } from '../bounded/call-scope.js';
import type { CallTimeouts, HostConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Client } from 'ssh2';
import { DEFAULT_DOCKER_SOCKET, startDockerBridge, type DockerBridge, type DockerTransport } from './docker-bridge.js';
import { execCollect } from './remote-exec.js';
import type { DockerHost, DockerObject, ListContainersOptions } from './docker-host.js';
import { selectTransport, type TransportChoice } from './docker-probe.js';
import { ExternalError, isAppError } from '../errors.js';
import { classifyDockerError, hostError, where } from './host-errors.js';
import { mapLimit } from './map-limit.js';
import { createRemoteFileReader } from './remote-file.js';
import { createSshConnection, timeoutsOf, type SshConnection, type SshConnectionDeps } from './ssh-connection.js';

export interface DockerHostDeps extends SshConnectionDeps {
  readonly log: Logger;
  /** `auto` (default): stream-local forwarding of the socket, falling back to `docker system dial-stdio`. */
  readonly transport?: TransportChoice;
}

const composeLabel = 'com.docker.compose.project';
const isGone = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404;

/** Inspects each unique id with a cap; 404 (gone in between) is skipped, anything else fails the call. */
async function inspectEach(
  ids: readonly string[],
  limit: number,
  inspect: (id: string) => Promise<unknown>,
): Promise<Array<[string, DockerObject]>> {
  const found = await mapLimit([...new Set(ids)], limit, async (id) => {
    try {
      return [id, (await inspect(id)) as DockerObject] as [string, DockerObject];
    } catch (error) {
      if (isGone(error)) return undefined;
      throw error;
    }
  });
  return found.filter((entry): entry is [string, DockerObject] => entry !== undefined);
}

interface Parts {
  readonly host: HostConfig;
  readonly transport: DockerTransport;
  readonly conn: SshConnection;
  readonly bridge: DockerBridge;
  readonly agent: Agent;
  readonly timeouts: CallTimeouts;
}

/** One Docker API call under `timeouts.dockerApi`: a hang fails with `host-timeout` naming the host and the call. */
function apiCall<T>(host: HostConfig, limitMs: number, what: string, work: () => Promise<T>): Promise<T> {
  return bounded(
    {
      what: `the Docker API (${what}) of ${where(host)}`,
      timeoutMs: limitMs,
      timeoutError: () =>
        hostError(host, 'host-timeout', `${where(host)}: the Docker API did not answer ${what} within ${limitMs} ms`),
    },
    work,
  );
}

/**
 * docker-modem formats every request's options with `util.inspect(…, { showHidden: true, depth:
 * null })` for a debug line, whether debugging is on or not; with the agent in them that walked
 * every pooled socket and was most of an audit's CPU (bench/drift-scale.ts). This agent prints as
 * one word.
 */
class QuietAgent extends Agent {
  [inspect.custom](): string {
    return 'Agent';
  }
}

/** Wraps dockerode (on the bridge socket) as a {@link DockerHost}; every error leaves classified. */
function toDockerHost({ host, transport, conn, bridge, agent, timeouts }: Parts): DockerHost {
  // dockerode's own request timeout frees the pooled socket of a call we gave up on.
  const docker = new Docker({
    socketPath: bridge.socketPath,
    agent,
    timeout: timeouts.dockerApi,
  } as Docker.DockerOptions);
  const call = <T>(what: string, work: () => Promise<T>): Promise<T> => apiCall(host, timeouts.dockerApi, what, work);
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    // (Re)connect first, so a host that went away reports host-unreachable, not a hung-up socket.
    await conn.client();
    try {
      return await work();
    } catch (error) {
      throw classifyDockerError(host, error);
    }
  };
  const listContainers = (o: ListContainersOptions = {}): Promise<DockerObject[]> =>
    guard(() =>
      call(
        'GET /containers/json',
        async () =>
          (await docker.listContainers({
            all: o.all ?? true,
            ...(o.labels === undefined ? {} : { filters: JSON.stringify({ label: o.labels }) }),
          })) as unknown as DockerObject[],
      ),
    );
  const files = createRemoteFileReader(conn.client, { where: where(host), timeoutMs: timeouts.sftpRead });
  const close = async (): Promise<void> => {
    release();
    files.close();
    agent.destroy();
    await bridge.close();
    await conn.close();
  };
  // A job that runs out of time closes the connections it opened (and never closed) itself.
  const release = adoptCloser(close);
  return {
    name: host.name,
    transport,
    ping: () =>
      guard(() =>
        call('GET /_ping', async () => {
          await docker.ping();
        }),
      ),
    version: () => guard(() => call('GET /version', async () => (await docker.version()) as unknown as DockerObject)),
    listContainers,
    listComposeContainers: () => listContainers({ all: true, labels: [composeLabel] }),
    inspectContainers: (ids, o = {}) =>
      guard(async () =>
        (
          await inspectEach(ids, o.concurrency ?? 6, (id) =>
            call(`GET /containers/${id.slice(0, 12)}/json`, () => docker.getContainer(id).inspect()),
          )
        ).map(([, c]) => c),
      ),
    inspectImages: (ids, o = {}) =>
      guard(
        async () =>
          new Map(
            await inspectEach(ids, o.concurrency ?? 6, (id) =>
              call(`GET /images/${id.replace(/^sha256:/, '').slice(0, 12)}/json`, () => docker.getImage(id).inspect()),
            ),
          ),
      ),
    readFile: async (path) => {
      try {
        return await files.read(path);
      } catch (error) {
        if (error instanceof ExternalError && error.code === 'host-timeout') throw error;
        throw hostError(
          host,
          'host-file-unreadable',
          `${host.name}: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
          error,
        );
      }
    },
    prepareFiles: () => {
      files.warm();
    },
    sshStats: conn.stats,
    close,
  };
}

/** `unix:///run/user/1000/docker.sock` → `/run/user/1000/docker.sock`; other schemes (tcp://, ssh://) → undefined. */
export function socketFromDockerHost(value: string): string | undefined {
  const path = /^unix:\/\/(\/.+)$/.exec(value.trim())?.[1];
  return path === undefined || path.trim() === '' ? undefined : path;
}

/**
 * The Docker socket to use: `dockerSocket` when configured, else the SSH session's `DOCKER_HOST`
 * (rootless Docker sets `unix:///run/user/<uid>/docker.sock`), else `/var/run/docker.sock`.
 */
async function dockerSocketOf(host: HostConfig, client: Client, timeouts: CallTimeouts): Promise<string> {
  if (host.dockerSocket !== undefined) return host.dockerSocket;
  try {
    const { stdout } = await execCollect(client, 'printf %s "${DOCKER_HOST:-}"', {
      where: where(host),
      what: "the session's DOCKER_HOST",
      timeoutMs: timeouts.remoteExec,
    });
    return socketFromDockerHost(stdout.toString()) ?? DEFAULT_DOCKER_SOCKET;
  } catch {
    return DEFAULT_DOCKER_SOCKET;
  }
}

/**
 * Connects to `host` over ONE persistent SSH connection (host key verified, never skipped), picks
 * the Docker transport and proves it with a ping. Rejects with a classified `ExternalError`.
 */
export async function connectDockerHost(host: HostConfig, deps: DockerHostDeps): Promise<DockerHost> {
  const log = deps.log.child({ host: host.name });
  const conn = createSshConnection(host, { ...deps, log });
  try {
    const timeouts = timeoutsOf(deps);
    const client = await conn.client();
    const resolved = { ...host, dockerSocket: await dockerSocketOf(host, client, timeouts) };
    const transport = await selectTransport(resolved, client, deps.transport ?? 'auto', timeouts);
    const bridge = await startDockerBridge(conn, transport, log, resolved.dockerSocket);
    log.info({ transport }, 'docker host connected');
    const agent = new QuietAgent({ keepAlive: true, maxSockets: 8 });
    return toDockerHost({ host, transport, conn, bridge, agent, timeouts });
  } catch (error) {
    await conn.close();
    throw isAppError(error) ? error : classifyDockerError(host, error);
  }
}
