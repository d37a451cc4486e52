import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { LabHost } from '../lab/index.js';

const run = promisify(execFile);

/** The one-round-trip baseline: `ssh host docker inspect $(docker ps -aq)`; returns how many containers came back. */
export async function baselineHost(h: LabHost): Promise<number> {
  const args = [
    ...['-i', h.privateKeyPath, '-p', String(h.sshPort)],
    ...['-o', `UserKnownHostsFile=${h.knownHostsPath}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes'],
    `${h.sshUser}@${h.sshHost}`,
    'docker inspect $(docker ps -aq)',
  ];
  const { stdout } = await run('ssh', args, { maxBuffer: 256 * 1024 * 1024 });
  return (JSON.parse(stdout) as unknown[]).length;
}

/** Runs `work` and reports its wall time. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
