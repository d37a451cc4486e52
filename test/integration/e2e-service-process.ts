import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** `bin/homelab-bot.js`: the real CLI entry point (tsx in a checkout, dist/ when built). */
export const binPath = fileURLToPath(new URL('../../bin/homelab-bot.js', import.meta.url));

/** A `homelab-bot bot|worker` child process and what it printed. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly healthUrl: string;
  /** Everything written to stdout and stderr so far (pino JSON lines). */
  output(): string;
  /** Sends `signal` and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnOptions {
  readonly role: 'bot' | 'worker' | 'start';
  readonly configPath: string;
  readonly cwd: string;
  readonly httpPort: number;
  readonly env?: Readonly<Record<string, string>>;
}

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) =>
        child.once('exit', (code) => {
          resolve(code);
        }),
      );

/** Env for a child: ours minus anything that would redirect it (CONFIG_PATH, REDIS_URL). */
export function childEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', ...extra };
  delete env['CONFIG_PATH'];
  delete env['REDIS_URL'];
  return env;
}

/** Spawns `node bin/homelab-bot.js <role> --config <file>` and waits for "service started". */
export function spawnService(o: SpawnOptions, timeoutMs = 60_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [binPath, o.role, '--config', o.configPath], {
    cwd: o.cwd,
    env: childEnv({ HTTP_PORT: String(o.httpPort), ...o.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const append = (chunk: Buffer): void => {
    out += chunk.toString();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const service: ServiceProcess = {
    child,
    pid: child.pid ?? 0,
    healthUrl: `http://127.0.0.1:${o.httpPort}/healthz`,
    output: () => out,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited(child);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${o.role} did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (): void => {
      if (!out.includes('"msg":"service started"')) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(service);
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${o.role} exited early (${String(code)}):\n${out}`));
    });
  });
}

/** Runs a one-shot CLI command (`healthcheck`, `config check`) asynchronously. */
export function runCli(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [binPath, ...args], {
    cwd,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  return exited(child).then((code) => ({ code, output }));
}
