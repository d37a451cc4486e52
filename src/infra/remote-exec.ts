import type { Client, ClientChannel } from 'ssh2';
import { bounded } from '../bounded/call-scope.js';
import { ExternalError } from '../errors.js';

/** Quotes `value` for a POSIX shell (single quotes, `'` escaped). */
export const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** Result of a remote command. `stdout` is raw; callers decide whether it may be logged (mostly not). */
export interface ExecResult {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Opens an exec channel (a session: counts against sshd's MaxSessions). */
export function openExec(client: Client, command: string): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error !== undefined) reject(error);
      else resolve(channel);
    });
  });
}

/** Limit of one remote command and the host it runs on (for the timeout message). */
export interface ExecLimit {
  /** `ct-docker-01 (10.0.0.5:22)`. */
  readonly where: string;
  /** The command's purpose, e.g. `the Docker socket probe` (the command text itself may be long). */
  readonly what: string;
  /** Config `timeouts.remoteExec`. */
  readonly timeoutMs: number;
}

/**
 * Runs `command` on the host and collects its output; optional `stdin` is written then closed.
 * At `limit.timeoutMs` the channel is closed and the call fails with `host-timeout` naming the host.
 */
export function execCollect(client: Client, command: string, limit: ExecLimit, stdin?: string): Promise<ExecResult> {
  let channel: ClientChannel | undefined;
  return bounded(
    {
      what: `${limit.what} on ${limit.where}`,
      timeoutMs: limit.timeoutMs,
      timeoutError: () =>
        new ExternalError('host-timeout', `${limit.where}: ${limit.what} got no answer within ${limit.timeoutMs} ms`, {
          context: { where: limit.where },
        }),
      cancel: () => {
        channel?.close();
      },
    },
    async () => {
      channel = await openExec(client, command);
      return collect(channel, stdin);
    },
  );
}

function collect(channel: ClientChannel, stdin: string | undefined): Promise<ExecResult> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    let err = '';
    let code: number | null = null;
    channel.on('data', (chunk: Buffer) => {
      out.push(chunk);
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    channel.on('exit', (exitCode: number | null) => {
      code = exitCode;
    });
    channel.on('close', () => {
      resolve({ code, stdout: Buffer.concat(out), stderr: err.trim() });
    });
    channel.end(stdin);
  });
}
