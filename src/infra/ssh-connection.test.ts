import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig } from '../config/schema.js';
import { silentLogger } from '../log.js';
import { createSshConnection } from './ssh-connection.js';

const run = promisify(execFile);

/** A 127.0.0.1 port nobody listens on (connections are refused by the kernel). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('SSH connection reconnect policy', () => {
  let dir = '';
  let host: HostConfig;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hlb-sshconn-'));
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id')]);
    host = {
      name: 'ct-docker-01',
      endpoint: 'docker01',
      dockerSocket: '/var/run/docker.sock',
      readHostEnv: false,
      ssh: {
        host: '127.0.0.1',
        port: await closedPort(),
        user: 'root',
        privateKeyPath: join(dir, 'id'),
        hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`,
      },
    };
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('backs off exponentially between failed connects', async () => {
    const waits: number[] = [];
    const conn = createSshConnection(host, {
      log: silentLogger(),
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    for (let i = 0; i < 4; i += 1) await expect(conn.client()).rejects.toMatchObject({ code: 'host-unreachable' });
    expect(waits).toEqual([500, 1000, 2000]);
    expect(conn.stats()).toEqual({ connects: 4, authAttempts: 0 });
    await conn.close();
  });

  it('fails with ssh-auth-failed naming the file when the private key is missing', async () => {
    const conn = createSshConnection(
      { ...host, ssh: { ...host.ssh, privateKeyPath: join(dir, 'absent') } },
      { log: silentLogger() },
    );
    await expect(conn.client()).rejects.toMatchObject({
      code: 'ssh-auth-failed',
      message: `ct-docker-01: cannot read private key ${join(dir, 'absent')} (ENOENT)`,
    });
    await conn.close();
  });

  it('refuses to connect after close()', async () => {
    const conn = createSshConnection(host, { log: silentLogger() });
    await conn.close();
    await expect(conn.client()).rejects.toMatchObject({ code: 'ssh-failed' });
    expect(conn.stats().connects).toBe(0);
  });
});
