import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { Server } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostsCommands } from '../../src/cli/hosts-commands.js';
import { runCli } from '../../src/cli/run-cli.js';
import { hasBinary, requireService } from '../../lab/require-service.js';

const run = promisify(execFile);

describe('homelab-bot hosts trust <host> (a real SSH handshake)', () => {
  let dir: string;
  let server: Server;
  let port: number;
  let publicLine: string;
  let fingerprint: string;

  const trust = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await runCli(
      hostsCommands,
      ['hosts', 'trust', ...args, '-c', join(dir, 'config.yaml')],
      { env: {}, stdout, stderr, stdin: new PassThrough() },
      'test',
    );
    return { code, out, err };
  };

  beforeAll(async () => {
    await requireService('ssh-keygen', () => hasBinary('ssh-keygen'));
    dir = await mkdtemp(join(tmpdir(), 'hlb-trust-'));
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'hostkey')]);
    publicLine = (await readFile(join(dir, 'hostkey.pub'), 'utf8')).trim();
    fingerprint = (await run('ssh-keygen', ['-lf', join(dir, 'hostkey.pub')])).stdout.split(' ')[1] ?? '';
    server = new Server({ hostKeys: [await readFile(join(dir, 'hostkey'))] }, (client) => {
      client.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    await writeFile(
      join(dir, 'config.yaml'),
      [
        'hosts:',
        '  - name: lab-host',
        '    endpoint: e1',
        `    ssh: { host: 127.0.0.1, port: ${String(port)}, privateKeyPath: key, knownHostsPath: ssh/known_hosts }`,
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the fingerprint ssh-keygen computes and writes the line for exactly [host]:port', async () => {
    const result = await trust('lab-host');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`[127.0.0.1]:${String(port)} presented ssh-ed25519 ${fingerprint}`);
    const [type, key] = publicLine.split(' ');
    expect(await readFile(join(dir, 'ssh/known_hosts'), 'utf8')).toBe(
      `[127.0.0.1]:${String(port)} ${type ?? ''} ${key ?? ''}\n`,
    );
  });

  it('a second run changes nothing', async () => {
    const result = await trust('lab-host');
    expect(result.code).toBe(0);
    expect(result.out).toContain('already trusts this key');
    expect((await readFile(join(dir, 'ssh/known_hosts'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('refuses when the expected fingerprint differs, and when known_hosts holds another key', async () => {
    const wrong = await trust('lab-host', '--fingerprint', 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('nothing written');
    const other = `[127.0.0.1]:${String(port)} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n`;
    await writeFile(join(dir, 'ssh/known_hosts'), other);
    const changed = await trust('lab-host');
    expect(changed.code).toBe(2);
    expect(changed.err).toContain('already has a different key');
    expect(await readFile(join(dir, 'ssh/known_hosts'), 'utf8')).toBe(other);
  });

  it('--known-hosts writes another file (a writable mount of the same folder in Docker)', async () => {
    const result = await trust('lab-host', '--known-hosts', join(dir, 'setup/known_hosts'));
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'setup/known_hosts'), 'utf8')).toMatch(
      new RegExp(`^\\[127\\.0\\.0\\.1\\]:${String(port)} ssh-ed25519 `),
    );
  });

  it('names the accepted hosts for an unknown one', async () => {
    const result = await trust('nope');
    expect(result.code).toBe(2);
    expect(result.err).toContain('No host "nope" in the config. Accepted: a hosts[].name (lab-host)');
  });
});
