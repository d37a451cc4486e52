import type { Client, ClientChannel } from 'ssh2';
import type { HostConfig } from '../config/schema.js';
import { classifyDockerError, type SocketProbe } from './host-errors.js';
import { DEFAULT_DOCKER_SOCKET, dialStdioCommand, openStreamLocal, type DockerTransport } from './docker-bridge.js';
import { execCollect, openExec, shellQuote } from './remote-exec.js';

/** Which transport to use: `auto` tries stream-local forwarding and falls back to dial-stdio. */
export type TransportChoice = 'auto' | DockerTransport;

const probeTimeoutMs = 15_000;

/** Sends `GET /_ping` over a raw channel; resolves with the response text and what came on stderr. */
function rawPing(channel: ClientChannel): Promise<{ response: string; stderr: string }> {
  return new Promise((resolve) => {
    let response = '';
    let stderr = '';
    const timer = setTimeout(() => {
      channel.close();
    }, probeTimeoutMs);
    channel.on('data', (chunk: Buffer) => {
      response += chunk.toString();
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    channel.on('close', () => {
      clearTimeout(timer);
      resolve({ response, stderr: stderr.trim() });
    });
    channel.end('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n');
  });
}

const answered = (response: string): boolean => /^HTTP\/1\.[01] 200/.test(response);

/** What the socket path looks like to the SSH user (a tiny POSIX sh script; the path is quoted). */
export async function probeSocket(client: Client, socket: string): Promise<SocketProbe> {
  const p = shellQuote(socket);
  const script =
    `p=${p}; if [ -S "$p" ]; then if [ -r "$p" ] && [ -w "$p" ]; then echo ok; else echo denied; fi; ` +
    `elif [ -e "$p" ]; then echo not-socket; else d=$(dirname "$p"); if [ -d "$d" ] && [ ! -x "$d" ]; then echo denied; else echo missing; fi; fi`;
  const result = await execCollect(client, script);
  const word = result.stdout.toString().trim();
  return word === 'ok' || word === 'denied' || word === 'missing' || word === 'not-socket' ? word : 'ok';
}

async function tryDialStdio(host: HostConfig, client: Client): Promise<DockerTransport> {
  const { response, stderr } = await rawPing(
    await openExec(client, dialStdioCommand(host.dockerSocket ?? DEFAULT_DOCKER_SOCKET)),
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
): Promise<DockerTransport> {
  if (choice === 'dial-stdio') return tryDialStdio(host, client);
  let refusal: unknown;
  try {
    const { response } = await rawPing(await openStreamLocal(client, host.dockerSocket ?? DEFAULT_DOCKER_SOCKET));
    if (answered(response)) return 'stream-local';
    refusal = new Error(`unexpected answer to /_ping: ${response.slice(0, 80)}`);
  } catch (error) {
    refusal = error;
  }
  const probe = await probeSocket(client, host.dockerSocket ?? DEFAULT_DOCKER_SOCKET);
  if (probe !== 'ok' || choice === 'stream-local') throw classifyDockerError(host, refusal, probe);
  return tryDialStdio(host, client);
}
