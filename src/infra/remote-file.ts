import type { Client, SFTPWrapper } from 'ssh2';
import { bounded } from '../bounded/call-scope.js';
import { ExternalError } from '../errors.js';
import { execCollect, shellQuote } from './remote-exec.js';

/** SFTP status code 2: SSH_FX_NO_SUCH_FILE. */
const noSuchFile = 2;

function openSftp(client: Client): Promise<SFTPWrapper | undefined> {
  return new Promise((resolve) => {
    client.sftp((error, sftp) => {
      resolve(error === undefined ? sftp : undefined);
    });
  });
}

function viaSftp(sftp: SFTPWrapper, path: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    sftp.readFile(path, (error: (Error & { code?: unknown }) | null | undefined, data: Buffer) => {
      if (error === null || error === undefined) resolve(data.toString('utf8'));
      else if (error.code === noSuchFile) resolve(null);
      else reject(error);
    });
  });
}

async function viaCat(client: Client, path: string, limit: FileReadLimit): Promise<string | null> {
  const quoted = shellQuote(path);
  const result = await execCollect(client, `if [ -e ${quoted} ]; then cat -- ${quoted}; else exit 44; fi`, {
    where: limit.where,
    what: `reading ${path} with cat`,
    timeoutMs: limit.timeoutMs,
  });
  if (result.code === 44) return null;
  if (result.code !== 0) throw new Error(`cat ${path} failed: ${result.stderr}`);
  return result.stdout.toString('utf8');
}

/** Reads host files; content is never logged. */
export interface RemoteFileReader {
  read(path: string): Promise<string | null>;
  /** Opens the SFTP session now (starting the host's SFTP server is the slow part), so later reads find it ready. */
  warm(): void;
  close(): void;
}

/** Limit of one file read and the host it is read from (for the timeout message). */
export interface FileReadLimit {
  /** `ct-docker-01 (10.0.0.5:22)`. */
  readonly where: string;
  /** Config `timeouts.sftpRead`. */
  readonly timeoutMs: number;
}

/**
 * Reads host files over ONE SFTP session per SSH connection (opening a subsystem per file costs a
 * channel and a handshake each), or with `cat` when the SFTP subsystem is not available. A new
 * session is opened after a reconnect (the client object changes). Each read is bounded by
 * `limit.timeoutMs`; a read given up ends the session (the next read opens a fresh one).
 */
export function createRemoteFileReader(getClient: () => Promise<Client>, limit: FileReadLimit): RemoteFileReader {
  let session: { client: Client; sftp: Promise<SFTPWrapper | undefined> } | undefined;
  const sftpFor = (client: Client): Promise<SFTPWrapper | undefined> => {
    if (session?.client !== client) {
      const sftp = openSftp(client);
      session = { client, sftp };
      client.once('close', () => {
        if (session?.client === client) session = undefined;
      });
    }
    return session.sftp;
  };
  let closed = false;
  const endSession = (): void => {
    void session?.sftp.then((s) => {
      s?.end();
    });
    session = undefined;
  };
  return {
    read: async (path) => {
      const client = await getClient();
      return bounded(
        {
          what: `reading ${path} on ${limit.where}`,
          timeoutMs: limit.timeoutMs,
          timeoutError: () =>
            new ExternalError(
              'host-timeout',
              `${limit.where}: reading ${path} got no answer within ${limit.timeoutMs} ms`,
            ),
          cancel: endSession,
        },
        async () => {
          const sftp = await sftpFor(client);
          return sftp === undefined ? viaCat(client, path, limit) : viaSftp(sftp, path);
        },
      );
    },
    warm: () => {
      if (closed) return;
      getClient().then(
        (client) => {
          if (!closed) void sftpFor(client);
        },
        () => undefined,
      );
    },
    close: () => {
      closed = true;
      endSession();
    },
  };
}
