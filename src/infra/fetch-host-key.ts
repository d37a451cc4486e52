import { Client } from 'ssh2';
import { ExternalError } from '../errors.js';
import { keyTypeOf, sshFingerprint } from './host-key.js';

/** The key an SSH server presents, as known_hosts wants it and as `ssh-keygen -lf` prints it. */
export interface PresentedHostKey {
  readonly type: string;
  readonly base64: string;
  readonly fingerprint: string;
}

/**
 * Connects once to `host`:`port`, takes the host key the server presents and hangs up before
 * authenticating (nothing is sent but the SSH handshake). Uses this machine's resolver, so names
 * that only the homelab's DNS knows work wherever the bot runs.
 */
export function fetchHostKey(host: string, port: number, timeoutMs = 10_000): Promise<PresentedHostKey> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let presented: PresentedHostKey | undefined;
    const finish = (error?: Error): void => {
      client.end();
      if (presented !== undefined) resolve(presented);
      else
        reject(
          new ExternalError(
            'host-unreachable',
            `${host}:${String(port)}: ${error?.message ?? 'no host key received'}`,
            { cause: error },
          ),
        );
    };
    client.once('error', (error) => {
      finish(error);
    });
    client.once('close', () => {
      finish();
    });
    client.connect({
      host,
      port,
      username: 'homelab-bot-hosts-trust',
      readyTimeout: timeoutMs,
      hostVerifier: (key: Buffer) => {
        presented = { type: keyTypeOf(key), base64: key.toString('base64'), fingerprint: sshFingerprint(key) };
        return false;
      },
    });
  });
}
