import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath, freePort } from '../../src/store/private-redis.js';

/**
 * A redis-server the test stops and starts on the same port, with AOF on like the compose
 * file's (so a stop keeps the data), or wiped (a Redis restarted empty).
 */
export class RestartableRedis {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private dir: string,
  ) {}

  static async create(): Promise<RestartableRedis> {
    if (findOnPath('redis-server') === undefined) throw new Error('redis-server is not on PATH');
    return new RestartableRedis(await freePort(), await mkdtemp(join(tmpdir(), 'hlb-redis-aof-')));
  }

  get url(): string {
    return `redis://127.0.0.1:${String(this.port)}`;
  }

  /** Starts it; a no-op while it runs (a second redis-server on the port would fail and orphan the first). */
  async start(): Promise<void> {
    if (this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null) return;
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir];
    const child = spawn('redis-server', [...args, '--appendonly', 'yes', '--save', ''], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready to accept connections')) resolve();
      });
      child.once('exit', (code) => {
        reject(new Error(`redis-server exited (${String(code)}): ${out.slice(-500)}`));
      });
    });
  }

  /** SIGTERM: redis-server flushes the AOF and exits. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** Stops it and throws its data away: the next start is an empty Redis. */
  async wipe(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
    this.dir = await mkdtemp(join(tmpdir(), 'hlb-redis-aof-'));
  }

  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}
