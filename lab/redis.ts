import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { freePort, type LabPaths } from './lab-paths.js';
import { spawnDaemon, waitFor } from './proc.js';

/** A private redis-server of the lab (never the machine's 6379). */
export interface LabRedis {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
}

function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('error', () => {
      resolve(false);
    });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}

/** Starts redis-server on a free 127.0.0.1 port, no persistence, data dir under the state dir. */
export async function startRedis(paths: LabPaths): Promise<LabRedis> {
  const dir = `${paths.stateDir}/redis`;
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const pid = spawnDaemon(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    `${dir}/redis.log`,
  );
  await writeFile(`${paths.pidsDir}/redis.pid`, String(pid));
  await waitFor(`redis on port ${port}`, () => pingOnce(port), 15_000);
  return { url: `redis://127.0.0.1:${port}`, port, pid };
}
