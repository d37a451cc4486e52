import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labProcesses, requireLab, startLab, stopLab, type Lab } from '../../lab/index.js';
import { cgroupParent, freePort, labPaths } from '../../lab/lab-paths.js';
import { containerProcesses } from '../../lab/lab-processes.js';
import { isAlive, signal } from '../../lab/proc.js';
import { dockerPingOverSsh, sshExec } from '../../lab/ssh-probe.js';

const name = 'it-crash';

async function pidOf(lab: Lab, file: string): Promise<number> {
  return Number((await readFile(`${lab.stateDir}/pids/${file}`, 'utf8')).trim());
}

describe('the lab after a crash', () => {
  beforeAll(async () => {
    await requireLab();
  });

  afterAll(async () => {
    // Also covers a failure before the second start: nothing of this lab may outlive the file.
    await stopLab(name);
  });

  it('starts again under the same name after its daemons were killed with SIGKILL', async () => {
    const first = await startLab({ name, stacks: false });
    const port = await freePort();
    const web = await first.hosts[0]!.docker([
      'run',
      '-d',
      '--network',
      'proxy',
      '-p',
      `127.0.0.1:${port}:80`,
      'busybox:1.36.1',
      'httpd',
      '-f',
      '-p',
      '80',
      '-h',
      '/www',
    ]);
    expect(web.code, web.stderr).toBe(0);
    const oldPids = await labProcesses(name);
    // A crash: the daemons die without cleanup (containerd follows dockerd); shims and containers stay.
    for (const file of ['dockerd-h1.pid', 'dockerd-h2.pid', 'sshd-h1.pid', 'sshd-h2.pid', 'redis.pid']) {
      signal(await pidOf(first, file), 'SIGKILL');
    }
    // dockerd's cgroup parent carries the lab's tagged name (HLB_LAB_TAG).
    const survivors = await containerProcesses([cgroupParent(labPaths(name).name, 0)]);
    expect(survivors.length).toBeGreaterThan(0);

    const lab = await startLab({ name, stacks: false });

    for (const pid of survivors) expect(await isAlive(pid), `container pid ${pid}`).toBe(false);
    for (const pid of oldPids) expect(await isAlive(pid), `old pid ${pid}`).toBe(false);
    for (const host of lab.hosts) {
      const ps = await sshExec(host, 'docker ps -a --format "{{.Names}}"');
      expect(ps.code, ps.stderr).toBe(0);
      expect(ps.stdout.trim()).toBe('');
      expect(await dockerPingOverSsh(host)).toMatch(/200 OK/);
    }
    const stopped = await labProcesses(name);
    await lab.stop();
    expect(await labProcesses(name, [...oldPids, ...stopped])).toEqual([]);
  });
});
