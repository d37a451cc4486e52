import { readFile } from 'node:fs/promises';
import ssh2, { type ParsedKey } from 'ssh2';
import type { HostConfig } from '../config/schema.js';
import { hostError } from './host-errors.js';

// ssh2 is CommonJS: under Node's ESM loader only some names are detected as named exports.
const { utils } = ssh2;

/**
 * Reads and parses the host's private key file. The key never leaves this function except as the
 * parsed key handed to ssh2; errors name the file, never its content.
 */
export async function readPrivateKey(host: HostConfig): Promise<ParsedKey> {
  const path = host.ssh.privateKeyPath;
  const data = await readFile(path).catch((error: unknown) => {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
    throw hostError(host, 'ssh-auth-failed', `${host.name}: cannot read private key ${path} (${code})`, error);
  });
  const parsed = utils.parseKey(data);
  const key = Array.isArray(parsed) ? (parsed as ParsedKey[])[0] : parsed;
  if (key === undefined || key instanceof Error || !key.isPrivateKey()) {
    // The parser's message is generic and never quotes the key material.
    throw hostError(
      host,
      'ssh-auth-failed',
      `${host.name}: ${path} is not a usable unencrypted private key (OpenSSH or PEM format expected)`,
    );
  }
  return key;
}
