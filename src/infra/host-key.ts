import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { HostConfig } from '../config/schema.js';
import { ConfigError, ExternalError } from '../errors.js';
import { entriesFor, knownHostsName, parseKnownHosts, type KnownHostEntry } from './known-hosts.js';

/** `SHA256:<base64 without padding>` of a raw SSH public key blob, exactly as `ssh-keygen -lf` prints it. */
export const sshFingerprint = (key: Buffer): string =>
  `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

/** The key type stored at the start of a public key blob (`ssh-ed25519`, `ssh-rsa`, …). */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return 'unknown';
  const length = key.readUInt32BE(0);
  return length > 0 && 4 + length <= key.length ? key.subarray(4, 4 + length).toString('latin1') : 'unknown';
}

/** Outcome of checking the key a server presented. Fingerprints are public, so messages may show them. */
export type HostKeyVerdict =
  | { readonly ok: true; readonly presented: string }
  | {
      readonly ok: false;
      readonly code: 'host-key-mismatch' | 'host-key-unknown';
      readonly presented: string;
      readonly message: string;
    };

/** How a host's key is checked: the verdict function plus the host key algorithms to prefer. */
export interface HostKeyPolicy {
  readonly verify: (key: Buffer) => HostKeyVerdict;
  /** Algorithms of the keys on record, so the server presents a key we can check (OpenSSH does the same). */
  readonly preferredAlgorithms: readonly string[];
}

const where = (host: HostConfig): string => `${host.name} (${host.ssh.host}:${host.ssh.port})`;
const keyscan = (host: HostConfig): string => `ssh-keyscan -p ${host.ssh.port} ${host.ssh.host} | ssh-keygen -lf -`;

function mismatch(host: HostConfig, key: Buffer, expected: readonly string[], source: string): HostKeyVerdict {
  const presented = sshFingerprint(key);
  return {
    ok: false,
    code: 'host-key-mismatch',
    presented,
    message:
      `${where(host)}: host key mismatch — the server presented ${presented} (${keyTypeOf(key)}) but ${source} expects ${expected.join(' or ')}. ` +
      `Refusing to connect. If the host was reinstalled, check the new key on the host itself (${keyscan(host)}) and update ${source}; otherwise the connection may be intercepted.`,
  };
}

function fingerprintPolicy(host: HostConfig, pinned: string): HostKeyPolicy {
  const expected = pinned.replace(/=+$/, '');
  return {
    verify: (key) => {
      const presented = sshFingerprint(key);
      return presented === expected ? { ok: true, presented } : mismatch(host, key, [expected], 'hostKeyFingerprint');
    },
    preferredAlgorithms: [],
  };
}

const algorithmsFor = (keyType: string): string[] =>
  keyType === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [keyType];

/** Checks a presented key against the known_hosts entries of the host (never accepts an unknown host). */
export function knownHostsPolicy(host: HostConfig, path: string, entries: readonly KnownHostEntry[]): HostKeyPolicy {
  const mine = entriesFor(entries, host.ssh.host, host.ssh.port);
  const trusted = mine.filter((e) => !e.revoked);
  const source = `known_hosts ${path}`;
  return {
    verify: (key) => {
      const presented = sshFingerprint(key);
      if (mine.some((e) => e.revoked && e.key.equals(key)))
        return mismatch(host, key, ['a key that is not revoked'], source);
      if (trusted.some((e) => e.key.equals(key))) return { ok: true, presented };
      if (trusted.length > 0)
        return mismatch(
          host,
          key,
          trusted.map((e) => sshFingerprint(e.key)),
          source,
        );
      return {
        ok: false,
        code: 'host-key-unknown',
        presented,
        message:
          `${where(host)}: host key unknown — ${knownHostsName(host.ssh.host, host.ssh.port)} is not listed in ${path} (the server presented ${presented}, ${keyTypeOf(key)}). ` +
          `Refusing to connect. Check the fingerprint on the host itself (${keyscan(host)}), then add the host's line to ${path} or set hostKeyFingerprint.`,
      };
    },
    preferredAlgorithms: [...new Set(trusted.flatMap((e) => algorithmsFor(e.keyType)))],
  };
}

/** The host key policy of a configured host: the pinned fingerprint wins over a known_hosts file. */
export async function loadHostKeyPolicy(host: HostConfig): Promise<HostKeyPolicy> {
  const { hostKeyFingerprint, knownHostsPath } = host.ssh;
  if (hostKeyFingerprint !== undefined) return fingerprintPolicy(host, hostKeyFingerprint);
  if (knownHostsPath === undefined) {
    // The config schema already requires one of them; this guards hand-built configs.
    throw new ConfigError(
      `host ${host.name}: neither hostKeyFingerprint nor knownHostsPath is set; host key verification is never skipped`,
    );
  }
  const text = await readFile(knownHostsPath, 'utf8').catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExternalError(
      'host-key-unknown',
      `${where(host)}: cannot read known_hosts ${knownHostsPath} (${reason}); refusing to connect without host key verification`,
      {
        retryable: false,
        context: { host: host.name },
        cause: error,
      },
    );
  });
  return knownHostsPolicy(host, knownHostsPath, parseKnownHosts(text));
}
