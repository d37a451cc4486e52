import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig } from '../config/schema.js';
import { keyTypeOf, knownHostsPolicy, loadHostKeyPolicy, sshFingerprint } from './host-key.js';
import { parseKnownHosts } from './known-hosts.js';

const run = promisify(execFile);
const keyTypes = ['ed25519', 'ecdsa', 'rsa'] as const;

const hostAt = (port: number, ssh: Partial<HostConfig['ssh']> = {}): HostConfig => ({
  name: 'ct-docker-01',
  endpoint: 'docker01',
  dockerSocket: '/var/run/docker.sock',
  readHostEnv: false,
  ssh: { host: 'docker01.lan', port, user: 'root', privateKeyPath: '/keys/id', ...ssh },
});

describe('host key fingerprints and known_hosts', () => {
  let dir = '';
  const pub: Record<string, { line: string; blob: Buffer; fingerprint: string }> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hlb-hostkey-'));
    for (const type of keyTypes) {
      const file = join(dir, `key_${type}`);
      await run('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', file]);
      const line = (await readFile(`${file}.pub`, 'utf8')).trim();
      const fingerprint = (await run('ssh-keygen', ['-lf', `${file}.pub`])).stdout.split(' ')[1] ?? '';
      pub[type] = { line, blob: Buffer.from(line.split(' ')[1] ?? '', 'base64'), fingerprint };
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(keyTypes)('computes the %s fingerprint exactly as ssh-keygen -lf prints it', (type) => {
    const key = pub[type]!;
    expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(sshFingerprint(key.blob)).toBe(key.fingerprint);
    expect(keyTypeOf(key.blob)).toBe(key.line.split(' ')[0]);
  });

  it('matches plain, [host]:port, comma-list and wildcard entries', () => {
    const k = (t: string) => pub[t]!.line.split(' ').slice(0, 2).join(' ');
    const entries = parseKnownHosts(
      [
        '# comment',
        '',
        `other.lan,docker01.lan ${k('ed25519')}`,
        `[docker01.lan]:2222 ${k('ecdsa')}`,
        `*.lan,!media01.lan ${k('rsa')}`,
        'garbage-line',
      ].join('\n'),
    );
    expect(entries).toHaveLength(3);
    const at22 = knownHostsPolicy(hostAt(22), 'kh', entries);
    expect(at22.verify(pub['ed25519']!.blob).ok).toBe(true);
    expect(at22.verify(pub['rsa']!.blob).ok).toBe(true);
    expect(at22.verify(pub['ecdsa']!.blob).ok).toBe(false);
    expect(at22.preferredAlgorithms).toEqual(['ssh-ed25519', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
    const at2222 = knownHostsPolicy(hostAt(2222), 'kh', entries);
    expect(at2222.verify(pub['ecdsa']!.blob).ok).toBe(true);
    expect(at2222.verify(pub['ed25519']!.blob).ok).toBe(false);
  });

  it('matches hashed entries written by ssh-keygen -H, and refuses a host it does not list', async () => {
    const file = join(dir, 'known_hosts');
    await writeFile(file, `[docker01.lan]:2222 ${pub['ed25519']!.line}\nnas.lan ${pub['rsa']!.line}\n`);
    await run('ssh-keygen', ['-H', '-f', file]);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('docker01.lan');
    const policy = await loadHostKeyPolicy(hostAt(2222, { knownHostsPath: file }));
    expect(policy.verify(pub['ed25519']!.blob)).toEqual({ ok: true, presented: pub['ed25519']!.fingerprint });
    const unknown = knownHostsPolicy(hostAt(22), file, parseKnownHosts(text)).verify(pub['ed25519']!.blob);
    expect(unknown.ok).toBe(false);
    if (unknown.ok) return;
    expect(unknown.code).toBe('host-key-unknown');
    expect(unknown.message).toContain(`docker01.lan is not listed in ${file}`);
  });

  it('names the expected and the presented fingerprint on a mismatch', () => {
    const entries = parseKnownHosts(`docker01.lan ${pub['ed25519']!.line}`);
    const verdict = knownHostsPolicy(hostAt(22), 'kh', entries).verify(pub['ecdsa']!.blob);
    expect(verdict).toMatchObject({ ok: false, code: 'host-key-mismatch', presented: pub['ecdsa']!.fingerprint });
    if (verdict.ok) return;
    expect(verdict.message).toContain(`expects ${pub['ed25519']!.fingerprint}`);
    expect(verdict.message).toContain(`presented ${pub['ecdsa']!.fingerprint} (ecdsa-sha2-nistp256)`);
  });

  it('refuses a key listed as @revoked even when it is also trusted', () => {
    const entries = parseKnownHosts(`@revoked * ${pub['rsa']!.line}\ndocker01.lan ${pub['rsa']!.line}`);
    const verdict = knownHostsPolicy(hostAt(22), 'kh', entries).verify(pub['rsa']!.blob);
    expect(verdict).toMatchObject({ ok: false, code: 'host-key-mismatch' });
  });

  it('checks a pinned fingerprint, with or without base64 padding', async () => {
    const key = pub['ed25519']!;
    const padded = await loadHostKeyPolicy(hostAt(22, { hostKeyFingerprint: `${key.fingerprint}=` }));
    expect(padded.verify(key.blob).ok).toBe(true);
    const verdict = padded.verify(pub['rsa']!.blob);
    expect(verdict).toMatchObject({ ok: false, code: 'host-key-mismatch' });
  });

  it('refuses to connect when the known_hosts file cannot be read', async () => {
    const missing = join(dir, 'absent');
    await expect(loadHostKeyPolicy(hostAt(22, { knownHostsPath: missing }))).rejects.toMatchObject({
      code: 'host-key-unknown',
      retryable: false,
    });
  });
});
