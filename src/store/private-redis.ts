import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { ConfigError } from '../errors.js';
import { createProcessOwner, type ProcessOwner } from '../process/process-owner.js';

/** A redis-server owned by this process (tests, the shell REPL). */
export interface PrivateRedis {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Absolute path of `name` on PATH, or undefined. */
export function findOnPath(name: string, path = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * Starts `redis-server` from PATH on a free 127.0.0.1 port, without persistence, in a temp
 * dir of `owner` (its supervisor stops it even if this process is SIGKILLed). Without an owner,
 * a private one is made and closed by stop(). Throws a ConfigError naming the Debian package
 * when redis-server is missing.
 */
export async function startPrivateRedis(
  searchPath = process.env['PATH'] ?? '',
  owner?: ProcessOwner,
): Promise<PrivateRedis> {
  const binary = findOnPath('redis-server', searchPath);
  if (binary === undefined) {
    throw new ConfigError(
      'redis-server is not on PATH: set REDIS_URL, or install it (Debian/Ubuntu: apt-get install redis-server).',
    );
  }
  const own = owner ?? (await createProcessOwner());
  const port = await freePort();
  const dir = await own.makeTempDir('redis-');
  const child = own.spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { dirs: [dir] },
  );
  child.stderr.resume();
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready to accept connections')) resolve();
      });
      void child.exited.then((code) => {
        reject(new ConfigError(`redis-server exited (${String(code)}): ${out.slice(-500)}`));
      });
    });
  } catch (error) {
    if (owner === undefined) await own.close();
    throw error;
  }
  child.stdout.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await child.stop();
      if (owner === undefined) await own.close();
    },
  };
}
