import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors.js';
import { connectHosts, closeHosts } from '../../src/infra/docker-hosts.js';
import { connectDockerHost } from '../../src/infra/docker-over-ssh.js';
import { classifyDockerError } from '../../src/infra/host-errors.js';
import { createSshConnection } from '../../src/infra/ssh-connection.js';
import { silentLogger } from '../../src/log.js';
import { requireLab, startLab, type Lab } from '../../lab/index.js';
import { freePort } from '../../lab/lab-paths.js';
import { run, runOk } from '../../lab/proc.js';
import { hostConfigOf } from './infra-helpers.js';

const log = silentLogger();
const otherFingerprint = 'SHA256:' + 'A'.repeat(43);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
  if (error === undefined) throw new Error('expected a failure');
  return error;
}

describe('host failures are classified per host (real lab)', () => {
  let started: Lab | undefined;
  let dir = '';
  const labOf = (): Lab => {
    if (started === undefined) throw new Error('the lab did not start');
    return started;
  };

  beforeAll(async () => {
    await requireLab();
    dir = await mkdtemp(join(tmpdir(), 'hlb-infra-'));
    started = await startLab({ name: 'infra', stacks: false });
  }, 900_000);

  afterAll(async () => {
    await started?.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('refuses a host key that differs from the pinned fingerprint before sending credentials', async () => {
    const host = labOf().hosts[0]!;
    const conn = createSshConnection(hostConfigOf(host, { hostKeyFingerprint: otherFingerprint }), { log });
    const error = await failure(conn.client());
    expect(error.code).toBe('host-key-mismatch');
    expect(error.message).toContain(host.hostKeyFingerprint);
    expect(error.message).toContain(otherFingerprint);
    expect(error.retryable).toBe(false);
    expect(conn.stats()).toEqual({ connects: 1, authAttempts: 0 });
    await conn.close();
  });

  it('accepts the host through a known_hosts file', async () => {
    const host = labOf().hosts[1]!;
    const docker = await connectDockerHost(
      hostConfigOf(host, { hostKeyFingerprint: undefined, knownHostsPath: host.knownHostsPath }),
      { log },
    );
    try {
      await expect(docker.ping()).resolves.toBeUndefined();
    } finally {
      await docker.close();
    }
  });

  it('refuses a host that known_hosts does not list, and sends nothing', async () => {
    const [first, second] = labOf().hosts;
    const onlySecond = (await readFile(second!.knownHostsPath, 'utf8'))
      .split('\n')
      .filter((l) => l.startsWith(`[127.0.0.1]:${second!.sshPort} `));
    expect(onlySecond).toHaveLength(1);
    const path = join(dir, 'known_hosts.second');
    await writeFile(path, `${onlySecond.join('\n')}\n`);
    const conn = createSshConnection(hostConfigOf(first!, { hostKeyFingerprint: undefined, knownHostsPath: path }), {
      log,
    });
    const error = await failure(conn.client());
    expect(error.code).toBe('host-key-unknown');
    expect(error.message).toContain(`[127.0.0.1]:${first!.sshPort} is not listed in ${path}`);
    expect(conn.stats().authAttempts).toBe(0);
    await conn.close();
  });

  it('reports a key the server refuses as ssh-auth-failed naming the key and user', async () => {
    const host = labOf().hosts[0]!;
    const key = join(dir, 'id_wrong');
    await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    const error = await failure(connectDockerHost(hostConfigOf(host, { privateKeyPath: key }), { log }));
    expect(error.code).toBe('ssh-auth-failed');
    expect(error.message).toContain(`the server refused key ${key} for user root`);
  });

  it('reports a closed port as host-unreachable', async () => {
    const host = labOf().hosts[1]!;
    const port = await freePort();
    const error = await failure(connectDockerHost(hostConfigOf(host, { port }), { log }));
    expect(error.code).toBe('host-unreachable');
    expect(error.message).toBe(
      `ct-media-01 (127.0.0.1:${port}): connection refused — is sshd running and the port right?`,
    );
    expect(error.retryable).toBe(true);
  });

  it('reports a socket path that does not exist as docker-socket-missing', async () => {
    const host = labOf().hosts[0]!;
    const config = hostConfigOf(host, {}, { dockerSocket: `${dir}/nope/docker.sock` });
    const error = await failure(connectDockerHost(config, { log }));
    expect(error.code).toBe('docker-socket-missing');
    expect(error.message).toContain(`${dir}/nope/docker.sock does not exist`);
  });

  it('reports a path that is not a socket as docker-socket-missing', async () => {
    const host = labOf().hosts[0]!;
    const error = await failure(
      connectDockerHost(hostConfigOf(host, {}, { dockerSocket: host.knownHostsPath }), { log }),
    );
    expect(error.code).toBe('docker-socket-missing');
    expect(error.message).toContain('is not a socket');
  });

  it('classifies the real docker CLI error for a socket the user may not open as docker-socket-denied', async () => {
    // Creating a non-root SSH user is not cheap here, so the docker CLI's own dial-stdio error is
    // captured by running it as `nobody` against a 0600 root-owned socket, then classified.
    const sockDir = join(dir, 'sock');
    await runOk('mkdir', ['-m', '755', sockDir]);
    await chmod(dir, 0o755);
    const socket = join(sockDir, 'docker.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      await chmod(socket, 0o600);
      const result = await run('runuser', [
        '-u',
        'nobody',
        '--',
        'docker',
        '-H',
        `unix://${socket}`,
        'system',
        'dial-stdio',
      ]);
      expect(result.code).not.toBe(0);
      const host = hostConfigOf(labOf().hosts[0]!, {}, { dockerSocket: socket });
      const error = classifyDockerError(host, new Error(result.stderr));
      expect(error.code).toBe('docker-socket-denied');
      expect(error.message).toBe(
        `ct-docker-01: user root cannot open ${socket} (permission denied) — add it to the docker group`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('audits the good host while the bad ones fail with their own codes', async () => {
    const [first, second] = labOf().hosts;
    const closed = await freePort();
    const configs = [
      hostConfigOf(first!, { port: closed }),
      hostConfigOf(second!),
      { ...hostConfigOf(first!, { hostKeyFingerprint: otherFingerprint }), name: 'ct-spoofed' },
    ];
    const results = await connectHosts(configs, log);
    try {
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['host-unreachable', 'ok', 'host-key-mismatch']);
      const good = results[1];
      if (good?.ok !== true) throw new Error('second host should connect');
      expect((await good.docker.listContainers()).length).toBeGreaterThanOrEqual(0);
    } finally {
      await closeHosts(results);
    }
  });
});
