import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client, ClientChannel } from 'ssh2';
import type { Logger } from '../log.js';
import { openExec, shellQuote } from './remote-exec.js';
import type { SshConnection } from './ssh-connection.js';

/** How Docker API bytes travel through the SSH connection. */
export type DockerTransport = 'stream-local' | 'dial-stdio';

/** A private local unix socket whose connections are tunnelled to the host's Docker socket. */
export interface DockerBridge {
  readonly socketPath: string;
  readonly close: () => Promise<void>;
}

/** `direct-streamlocal` channel to the remote socket: no remote process, not counted in MaxSessions. */
export function openStreamLocal(client: Client, socket: string): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.openssh_forwardOutStreamLocal(socket, (error, channel) => {
      if (error !== undefined) reject(error);
      else resolve(channel);
    });
  });
}

/** Where Docker listens when neither `dockerSocket` nor the session's `DOCKER_HOST` says otherwise. */
export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';

/** The dial-stdio command for `socket` (used when stream-local forwarding is refused). */
export const dialStdioCommand = (socket: string): string =>
  `docker -H ${shellQuote(`unix://${socket}`)} system dial-stdio`;

/** Opens one Docker API channel over `transport`. */
export function openDockerChannel(client: Client, socket: string, transport: DockerTransport): Promise<ClientChannel> {
  return transport === 'stream-local' ? openStreamLocal(client, socket) : openExec(client, dialStdioCommand(socket));
}

function pipeTo(local: Socket, conn: SshConnection, transport: DockerTransport, log: Logger, socket: string): void {
  local.on('error', () => {
    local.destroy();
  });
  conn
    .client()
    .then((client) => openDockerChannel(client, socket, transport))
    .then((channel) => {
      channel.on('error', () => {
        local.destroy();
      });
      channel.on('close', () => {
        local.end();
      });
      local.on('close', () => {
        channel.close();
      });
      local.pipe(channel).pipe(local);
    })
    .catch((error: unknown) => {
      log.warn(
        { host: conn.host.name, transport, err: error instanceof Error ? error.message : String(error) },
        'docker channel failed',
      );
      local.destroy();
    });
}

/** Starts the bridge in a fresh 0700 temp dir (mkdtemp); every accepted connection gets its own channel. */
export async function startDockerBridge(
  conn: SshConnection,
  transport: DockerTransport,
  log: Logger,
  socket: string = conn.host.dockerSocket ?? DEFAULT_DOCKER_SOCKET,
): Promise<DockerBridge> {
  const dir = await mkdtemp(join(tmpdir(), 'hlb-docker-'));
  const socketPath = join(dir, 'docker.sock');
  const sockets = new Set<Socket>();
  const server: Server = createServer((local) => {
    sockets.add(local);
    local.on('close', () => sockets.delete(local));
    pipeTo(local, conn, transport, log, socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      resolve();
    });
  });
  const close = async (): Promise<void> => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    await rm(dir, { recursive: true, force: true });
  };
  return { socketPath, close };
}
