import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { freePort, type LabPaths } from './lab-paths.js';
import { runOk, spawnDaemon, waitFor } from './proc.js';

/** One lab sshd in front of one dockerd. */
export interface LabSshd {
  readonly port: number;
  readonly pid: number;
  /** `SHA256:…` exactly as `ssh-keygen -lf` prints it. */
  readonly hostKeyFingerprint: string;
  /** The `known_hosts` line for `[127.0.0.1]:port`. */
  readonly knownHostsLine: string;
}

/** Generates the lab client key (ed25519) and the authorized_keys every lab sshd trusts. */
export async function createClientKey(paths: LabPaths): Promise<void> {
  await mkdir(paths.keysDir, { recursive: true, mode: 0o700 });
  await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `hlb-lab-${paths.name}`, '-f', paths.clientKey]);
  const pub = await readFile(`${paths.clientKey}.pub`, 'utf8');
  await writeFile(`${paths.keysDir}/authorized_keys`, pub, { mode: 0o600 });
}

function sshdConfig(paths: LabPaths, port: number, hostKey: string, dockerSocket: string): string {
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKey}`,
    'PidFile none',
    `AuthorizedKeysFile ${paths.keysDir}/authorized_keys`,
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'StrictModes no',
    'AllowStreamLocalForwarding yes',
    'AllowTcpForwarding yes',
    'PrintMotd no',
    'LogLevel ERROR',
    // The session sees this host's dockerd, like `docker` on a real host sees /var/run/docker.sock.
    `SetEnv DOCKER_HOST=unix://${dockerSocket}`,
    'Subsystem sftp /usr/lib/openssh/sftp-server',
    '',
  ].join('\n');
}

function bannerSeen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('error', () => {
      resolve(false);
    });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('SSH-2.0'));
    });
  });
}

/** Starts sshd for host `index` on a free port, with its own host key; waits for the banner. */
export async function startSshd(paths: LabPaths, index: number, dockerSocket: string): Promise<LabSshd> {
  const dir = `${paths.hostDir(index)}/sshd`;
  await mkdir(dir, { recursive: true });
  // sshd refuses to start without its privilege separation dir.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKey = `${dir}/ssh_host_ed25519_key`;
  await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `hlb-lab-host${index + 1}`, '-f', hostKey]);
  const port = await freePort();
  await writeFile(`${dir}/sshd_config`, sshdConfig(paths, port, hostKey, dockerSocket));
  const pid = spawnDaemon('/usr/sbin/sshd', ['-f', `${dir}/sshd_config`, '-D', '-e'], `${dir}/sshd.log`);
  await writeFile(`${paths.pidsDir}/sshd-h${index + 1}.pid`, String(pid));
  await waitFor(`sshd of host ${index + 1}`, () => bannerSeen(port), 15_000);
  const fingerprint = (await runOk('ssh-keygen', ['-lf', `${hostKey}.pub`])).split(' ')[1] ?? '';
  const pub = (await readFile(`${hostKey}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
  return { port, pid, hostKeyFingerprint: fingerprint, knownHostsLine: `[127.0.0.1]:${port} ${pub}` };
}
