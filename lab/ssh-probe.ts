import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Client } from 'ssh2';
import type { LabHost } from './lab-host.js';
import { run, type RunResult } from './proc.js';

/** Runs `command` on a lab host with the OpenSSH client, verifying the host key strictly. */
export function sshExec(host: LabHost, command: string): Promise<RunResult> {
  return run('ssh', [
    '-F',
    '/dev/null',
    '-i',
    host.privateKeyPath,
    '-p',
    String(host.sshPort),
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    `UserKnownHostsFile=${host.knownHostsPath}`,
    '-o',
    'BatchMode=yes',
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'PasswordAuthentication=no',
    `${host.sshUser}@${host.sshHost}`,
    command,
  ]);
}

/** `SHA256:<base64 without padding>` of a raw SSH public key blob, as `ssh-keygen -lf` prints. */
export const sshFingerprint = (key: Buffer): string =>
  `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

/**
 * Connects with ssh2 (key auth, host key pinned to the lab fingerprint), forwards the host's
 * docker socket with `openssh_forwardOutStreamLocal` and sends a raw `GET /_ping`.
 * Resolves with the raw HTTP response.
 */
export async function dockerPingOverSsh(host: LabHost): Promise<string> {
  const privateKey = await readFile(host.privateKeyPath);
  return new Promise((resolve, reject) => {
    const conn = new Client();
    conn.on('error', reject);
    conn.on('ready', () => {
      conn.openssh_forwardOutStreamLocal(host.dockerSocket, (err, stream) => {
        if (err !== undefined) {
          conn.end();
          reject(err);
          return;
        }
        let response = '';
        stream.on('data', (chunk: Buffer) => (response += chunk.toString()));
        stream.on('close', () => {
          conn.end();
          resolve(response);
        });
        stream.end('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n');
      });
    });
    conn.connect({
      host: host.sshHost,
      port: host.sshPort,
      username: host.sshUser,
      privateKey,
      hostVerifier: (key: Buffer) => sshFingerprint(key) === host.hostKeyFingerprint,
    });
  });
}
