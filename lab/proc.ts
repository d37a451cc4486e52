import { execFile, spawn, type SpawnOptions } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** Result of a finished child process; a non-zero exit code is a value, not an exception. */
export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly input?: string;
  readonly timeoutMs?: number;
}

/** Runs a command asynchronously and collects its output (never throws on exit code). */
export function run(cmd: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      args,
      {
        env: options.env ?? process.env,
        cwd: options.cwd,
        maxBuffer: 64 * 1024 * 1024,
        timeout: options.timeoutMs ?? 120_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        const extra = error !== null && typeof error.code !== 'number' ? `\n${error.message}` : '';
        resolve({ stdout, stderr: stderr + extra, code });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** Like {@link run} but throws with the command's stderr when it exits non-zero. */
export async function runOk(cmd: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  const result = await run(cmd, args, options);
  if (result.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
  }
  return result.stdout;
}

/**
 * Starts a long-running daemon detached into its own process group, with stdout/stderr
 * appended to `logPath`. Returns its pid; the caller records it in a pidfile.
 */
export function spawnDaemon(cmd: string, args: readonly string[], logPath: string, options: SpawnOptions = {}): number {
  const fd = openSync(logPath, 'a');
  try {
    const child = spawn(cmd, args, { ...options, detached: true, stdio: ['ignore', fd, fd] });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${cmd}`);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** Polls `probe` until it returns true or `timeoutMs` elapses; throws `what` on timeout. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** True when a process with that pid exists and is not a zombie. */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Sends `signal` to a pid, ignoring "no such process". */
export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** SIGTERM, wait up to `graceMs`, then SIGKILL; resolves once none of the pids is alive. */
export async function terminate(pids: readonly number[], graceMs = 5_000): Promise<void> {
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  let alive = pids;
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(50);
    alive = await aliveOf(alive);
  }
  for (const pid of alive) signal(pid, 'SIGKILL');
  while (alive.length > 0) {
    await sleep(50);
    alive = await aliveOf(alive);
  }
}

async function aliveOf(pids: readonly number[]): Promise<number[]> {
  const flags = await Promise.all(pids.map((p) => isAlive(p)));
  return pids.filter((_, i) => flags[i] === true);
}
