import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import type { HostConfig } from '../../src/config/schema.js';
import type { Lab, LabHost } from '../../lab/index.js';
import { freePort } from '../../lab/lab-paths.js';

/** A validated-looking HostConfig for a lab host; `ssh` fields may be overridden (undefined removes one). */
export function hostConfigOf(
  host: LabHost,
  ssh: Partial<Record<keyof HostConfig['ssh'], string | number | undefined>> = {},
  extra: Partial<HostConfig> = {},
): HostConfig {
  const merged: Record<string, unknown> = {
    host: host.sshHost,
    port: host.sshPort,
    user: host.sshUser,
    privateKeyPath: host.privateKeyPath,
    hostKeyFingerprint: host.hostKeyFingerprint,
    ...ssh,
  };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) Reflect.deleteProperty(merged, k);
  return {
    name: host.name,
    endpoint: host.endpoint,
    ssh: merged as HostConfig['ssh'],
    dockerSocket: host.dockerSocket,
    readHostEnv: false,
    ...extra,
  };
}

/** Pid of the listening sshd of lab host `index`. */
export async function sshdPid(lab: Lab, index: number): Promise<number> {
  return Number((await readFile(`${lab.stateDir}/pids/sshd-h${index + 1}.pid`, 'utf8')).trim());
}

/** Server-side count of SSH connections: each accepted connection is a child process of the listening sshd. */
export async function sshdChildren(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) children.push(Number(entry));
  }
  return children;
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

/**
 * Starts a second sshd for lab host `index` (same host key and keys) with `AllowStreamLocalForwarding no`.
 * Returns its port and a stop function that kills exactly that pid.
 */
export async function startNoForwardSshd(lab: Lab, index: number): Promise<{ port: number; stop: () => void }> {
  const dir = `${lab.stateDir}/host${index + 1}/sshd`;
  const port = await freePort();
  const config = (await readFile(`${dir}/sshd_config`, 'utf8'))
    .replace(/^Port \d+$/m, `Port ${port}`)
    .replace(/^AllowStreamLocalForwarding yes$/m, 'AllowStreamLocalForwarding no');
  await writeFile(`${dir}/sshd_config.nofwd`, config);
  const child = spawn('/usr/sbin/sshd', ['-f', `${dir}/sshd_config.nofwd`, '-D', '-e'], { stdio: 'ignore' });
  const deadline = Date.now() + 15_000;
  while (!(await bannerSeen(port))) {
    if (Date.now() > deadline) throw new Error('variant sshd did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    stop: () => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
    },
  };
}
