import type { Client, ClientChannel } from 'ssh2';
import { bounded } from '../bounded/call-scope.js';
import type { CallTimeouts, HostConfig } from '../config/schema.js';
import { classifyDockerError, hostError, where, type SocketProbe } from './host-errors.js';
import { DEFAULT_DOCKER_SOCKET, dialStdioCommand, openStreamLocal, type DockerTransport } from './docker-bridge.js';
import { execCollect, openExec, shellQuote } from './remote-exec.js';

/** Which transport to use: `auto` tries stream-local forwarding and falls back to dial-stdio. */
export type TransportChoice = 'auto' | DockerTransport;

/**
 * Opens a channel and sends `GET /_ping` over it; resolves with the response text and what came on
 * stderr. Bounded by `timeouts.dockerApi` (opening included): a hang fails with `host-timeout`.
 */
function rawPing(
  host: HostConfig,
  timeouts: CallTimeouts,
  open: () => Promise<ClientChannel>,
): Promise<{ response: string; stderr: string }> {
  let channel: ClientChannel | undefined;
  const limitMs = timeouts.dockerApi;
  return bounded(
    {
      what: `the Docker API (/_ping) of ${where(host)}`,
      timeoutMs: limitMs,
      timeoutError: () =>
        hostError(host, 'host-timeout', `${where(host)}: the Docker API did not answer /_ping within ${limitMs} ms`),
      cancel: () => {
        channel?.close();
      },
    },
    async () => {
      channel = await open();
      return pingOver(channel);
    },
  );
}

function pingOver(channel: ClientChannel): Promise<{ response: string; stderr: string }> {
  return new Promise((resolve) => {
    let response = '';
    let stderr = '';
    channel.on('data', (chunk: Buffer) => {
      response += chunk.toString();
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    channel.on('close', () => {
      resolve({ response, stderr: stderr.trim() });
    });
    channel.end('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n');
  });
}

const answered = (response: string): boolean => /^HTTP\/1\.[01] 200/.test(response);

/** What the socket path looks like to the SSH user (a tiny POSIX sh script; the path is quoted). */
export async function probeSocket(client: Client, host: HostConfig, timeouts: CallTimeouts): Promise<SocketProbe> {
  const socket = host.dockerSocket ?? DEFAULT_DOCKER_SOCKET;
  const p = shellQuote(socket);
  const script =
    `p=${p}; if [ -S "$p" ]; then if [ -r "$p" ] && [ -w "$p" ]; then echo ok; else echo denied; fi; ` +
    `elif [ -e "$p" ]; then echo not-socket; else d=$(dirname "$p"); if [ -d "$d" ] && [ ! -x "$d" ]; then echo denied; else echo missing; fi; fi`;
  const result = await execCollect(client, script, {
    where: where(host),
    what: 'the Docker socket probe',
    timeoutMs: timeouts.remoteExec,
  });
  const word = result.stdout.toString().trim();
  return word === 'ok' || word === 'denied' || word === 'missing' || word === 'not-socket' ? word : 'ok';
}

async function tryDialStdio(host: HostConfig, client: Client, timeouts: CallTimeouts): Promise<DockerTransport> {
  const { response, stderr } = await rawPing(host, timeouts, () =>
    openExec(client, dialStdioCommand(host.dockerSocket ?? DEFAULT_DOCKER_SOCKET)),
  );
  if (answered(response)) return 'dial-stdio';
  throw classifyDockerError(
    host,
    new Error(stderr === '' ? `no answer to /_ping through docker system dial-stdio` : stderr),
  );
}

/**
 * Picks the Docker transport for `host` and proves it with a `/_ping`. Stream-local forwarding is
 * preferred; when the channel is refused the socket is probed so "missing" and "permission
 * denied" are told apart from "forwarding disabled" (then dial-stdio is tried).
 */
export async function selectTransport(
  host: HostConfig,
  client: Client,
  choice: TransportChoice,
  timeouts: CallTimeouts,
): Promise<DockerTransport> {
  if (choice === 'dial-stdio') return tryDialStdio(host, client, timeouts);
  let refusal: unknown;
  try {
    const { response } = await rawPing(host, timeouts, () =>
      openStreamLocal(client, host.dockerSocket ?? DEFAULT_DOCKER_SOCKET),
    );
    if (answered(response)) return 'stream-local';
    refusal = new Error(`unexpected answer to /_ping: ${response.slice(0, 80)}`);
  } catch (error) {
    // A socket that accepts and never answers is a hang, not a refused forward: say so.
    if (error instanceof Error && 'code' in error && error.code === 'host-timeout') throw error;
    refusal = error;
  }
  const probe = await probeSocket(client, host, timeouts);
  if (probe !== 'ok' || choice === 'stream-local') throw classifyDockerError(host, refusal, probe);
  return tryDialStdio(host, client, timeouts);
}
