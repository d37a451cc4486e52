import type { Client, ClientChannel } from 'ssh2';

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

/** Runs `command` on the host and collects its output; optional `stdin` is written then closed. */
export async function execCollect(client: Client, command: string, stdin?: string): Promise<ExecResult> {
  const channel = await openExec(client, command);
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
