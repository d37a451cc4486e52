import type { Client } from 'ssh2';
import { execCollect, shellQuote } from './remote-exec.js';

/** SFTP status code 2: SSH_FX_NO_SUCH_FILE. */
const noSuchFile = 2;

type SftpOutcome = { readonly kind: 'ok'; readonly text: string | null } | { readonly kind: 'unavailable'; readonly error: Error };

function viaSftp(client: Client, path: string): Promise<SftpOutcome> {
  return new Promise((resolve, reject) => {
    client.sftp((subsystemError, sftp) => {
      if (subsystemError !== undefined) { resolve({ kind: 'unavailable', error: subsystemError }); return; }
      sftp.readFile(path, (error: (Error & { code?: unknown }) | null | undefined, data: Buffer) => {
        sftp.end();
        if (error === null || error === undefined) resolve({ kind: 'ok', text: data.toString('utf8') });
        else if (error.code === noSuchFile) resolve({ kind: 'ok', text: null });
        else reject(error);
      });
    });
  });
}

async function viaCat(client: Client, path: string): Promise<string | null> {
  const quoted = shellQuote(path);
  const result = await execCollect(client, `if [ -e ${quoted} ]; then cat -- ${quoted}; else exit 44; fi`);
  if (result.code === 44) return null;
  if (result.code !== 0) throw new Error(`cat ${path} failed: ${result.stderr}`);
  return result.stdout.toString('utf8');
}

/** Reads a host file over SFTP, or with `cat` when the SFTP subsystem is not available. Content is never logged. */
export async function readRemoteFile(client: Client, path: string): Promise<string | null> {
  const outcome = await viaSftp(client, path);
  return outcome.kind === 'ok' ? outcome.text : viaCat(client, path);
}
