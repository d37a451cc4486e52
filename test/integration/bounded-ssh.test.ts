import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConfigSchema } from '../../src/config/schema.js';
import type { AppError } from '../../src/errors.js';
import { connectDockerHost } from '../../src/infra/docker-over-ssh.js';
import { execCollect } from '../../src/infra/remote-exec.js';
import { createSshConnection } from '../../src/infra/ssh-connection.js';
import { silentLogger } from '../../src/log.js';
import { requireLab, startLab, type Lab } from '../../lab/index.js';
import { runOk } from '../../lab/proc.js';
import { startSilentPeer, type SilentPeer } from '../../lab/silent-peer.js';
import { hostConfigOf } from './infra-helpers.js';

const log = silentLogger();
const short = appConfigSchema.parse({ timeouts: { dockerApi: '1500ms', sftpRead: '1500ms', remoteExec: '1500ms' } })
  .timeouts.ms;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
  if (error === undefined) throw new Error('expected a failure');
  return error;
}

describe('Docker API, SFTP and remote commands give up on a host that never answers (real sshd and dockerd)', () => {
  let started: Lab | undefined;
  let dir = '';
  let silentDocker: SilentPeer | undefined;
  const labOf = (): Lab => {
    if (started === undefined) throw new Error('the lab did not start');
    return started;
  };

  beforeAll(async () => {
    await requireLab();
    dir = await mkdtemp(join(tmpdir(), 'hlb-bounded-ssh-'));
    // The lab's SSH user must reach the socket and the FIFO (mkdtemp makes the folder 0700).
    await chmod(dir, 0o755);
    silentDocker = await startSilentPeer(join(dir, 'docker.sock'));
    await chmod(join(dir, 'docker.sock'), 0o777);
    started = await startLab({ name: 'bounded', stacks: false });
  }, 900_000);

  afterAll(async () => {
    await started?.stop();
    await silentDocker?.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('Docker API: a daemon socket that accepts and never answers fails with host-timeout naming the host', async () => {
    const lab = labOf().hosts[0]!;
    const host = hostConfigOf(lab, {}, { dockerSocket: join(dir, 'docker.sock') });
    const error = await failure(connectDockerHost(host, { log, timeouts: short, transport: 'stream-local' }));
    expect(error.code).toBe('host-timeout');
    expect(error.message).toBe(
      `${lab.name} (${lab.sshHost}:${lab.sshPort}): the Docker API did not answer /_ping within 1500 ms`,
    );
    expect(silentDocker?.accepted()).toBeGreaterThan(0);
  });

  it('SFTP read: a file that never delivers (a FIFO without writer) fails with host-timeout naming host and path', async () => {
    const lab = labOf().hosts[0]!;
    const fifo = join(dir, 'never.env');
    await runOk('mkfifo', ['-m', '0666', fifo]);
    const docker = await connectDockerHost(hostConfigOf(lab), { log, timeouts: short });
    try {
      const error = await failure(docker.readFile(fifo));
      expect(error.code).toBe('host-timeout');
      expect(error.message).toBe(
        `${lab.name} (${lab.sshHost}:${lab.sshPort}): reading ${fifo} got no answer within 1500 ms`,
      );
      // The connection stays usable: the next call is answered.
      await docker.ping();
    } finally {
      await docker.close();
    }
  });

  it('remote exec: a command that never ends fails with host-timeout and its channel is closed', async () => {
    const lab = labOf().hosts[0]!;
    const conn = createSshConnection(hostConfigOf(lab), { log, timeouts: short });
    try {
      const client = await conn.client();
      const where = `${lab.name} (${lab.sshHost}:${lab.sshPort})`;
      const error = await failure(
        execCollect(client, 'sleep 600', { where, what: 'a test command', timeoutMs: short.remoteExec }),
      );
      expect(error.code).toBe('host-timeout');
      expect(error.message).toBe(`${where}: a test command got no answer within 1500 ms`);
      const after = await execCollect(client, 'echo ok', { where, what: 'echo', timeoutMs: 30_000 });
      expect(after.stdout.toString().trim()).toBe('ok');
    } finally {
      await conn.close();
    }
  });
});
