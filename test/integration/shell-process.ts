import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const bin = join(import.meta.dirname, '../../bin/homelab-bot.js');

/** `homelab-bot shell` started the way a user starts it: from a pipe, or on a terminal (pty via `script`). */
export interface ShellProcess {
  readonly mode: 'pipe' | 'pty';
  readonly outer: ChildProcess;
  /** The node process of the shell (inside the pty, the child of `script`). */
  readonly pid: number;
  output(): string;
  type(keys: string): void;
  waitFor(needle: string, timeoutMs?: number): Promise<void>;
  /** Exit code, or 128 + n when ended by signal n. */
  readonly status: Promise<number>;
}

const childrenOf = (ppid: number): number[] =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid;
      } catch {
        return false;
      }
    });

const signalNumbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Starts the shell in `cwd` with TMPDIR=`tmp` and waits for its banner. */
export async function startShell(mode: 'pipe' | 'pty', cwd: string, tmp: string): Promise<ShellProcess> {
  const env = { ...process.env, TMPDIR: tmp, REDIS_URL: '', CONFIG_PATH: '' };
  const outer =
    mode === 'pipe'
      ? spawn(process.execPath, [bin, 'shell'], { cwd, env, stdio: 'pipe' })
      : // -e: script's status is the shell's; exec: the pty's process is node itself.
        spawn('script', ['-qefc', `exec '${process.execPath}' '${bin}' shell`, '/dev/null'], {
          cwd,
          env,
          stdio: 'pipe',
        });
  let text = '';
  outer.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  outer.stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const status = new Promise<number>((resolve) => {
    outer.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signalNumbers[signal ?? ''] ?? 0));
    });
  });
  const waitFor = async (needle: string, timeoutMs = 60_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!text.includes(needle)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for "${needle}"; output:\n${text}`);
      await sleep(50);
    }
  };
  await waitFor('Type help.');
  const outerPid = outer.pid ?? 0;
  const pid = mode === 'pipe' ? outerPid : (childrenOf(outerPid)[0] ?? 0);
  return {
    mode,
    outer,
    pid,
    output: () => text,
    type: (keys) => {
      outer.stdin.write(keys);
    },
    waitFor,
    status,
  };
}

/** Processes whose command line or working directory mentions `tmp` (supervisors, redis-server in its dir). */
export function processesUnder(tmp: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      if (cmdline.includes(tmp) || cwd.startsWith(tmp)) found.push(`${pid} ${cmdline.slice(0, 120)} (cwd ${cwd})`);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Entries left in `tmp`, except tsx's compile cache (development runs only, not ours). */
export async function leftoverDirs(tmp: string): Promise<string[]> {
  return (await readdir(tmp)).filter((name) => !name.startsWith('tsx-'));
}

/** Polls until no process and no temp dir of the shell is left; returns what is left after `ms`. */
export async function leftoversAfter(tmp: string, ms: number): Promise<{ processes: string[]; dirs: string[] }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = { processes: processesUnder(tmp), dirs: await leftoverDirs(tmp) };
    if ((left.processes.length === 0 && left.dirs.length === 0) || Date.now() > deadline) return left;
    await sleep(100);
  }
}
