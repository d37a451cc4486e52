import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const bin = join(import.meta.dirname, '../../bin/homelab-bot.js');

/** `homelab-bot demo` on a terminal (a pty through `script`), driven like a person types. */
export interface DemoProcess {
  readonly outer: ChildProcess;
  /** Everything the terminal showed so far (escape sequences stripped). */
  output(): string;
  /** Output from `from` on (to look only at what a command printed). */
  since(from: number): string;
  type(line: string): void;
  /** Waits until the output from `from` on matches; returns the match. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Exit code, or 128 + n when ended by signal n. */
  readonly status: Promise<number>;
  /** The node process of the demo inside the pty (the child of `script`). */
  nodePid(): number;
}

/** Pids whose parent is `ppid`. */
function childrenOf(ppid: number): number[] {
  return readdirSync('/proc')
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
}

const signalNumbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

const esc = String.fromCharCode(27);
// CSI sequences and the other escapes readline writes in terminal mode.
const csi = new RegExp(`${esc}\\[[0-9;?]*[ -/]*[@-~]`, 'g');
const other = new RegExp(`${esc}[=>()][0-9A-Za-z]?`, 'g');
const stripAnsi = (text: string): string => text.replace(csi, '').replace(other, '');

/** Starts `homelab-bot <args>` in a pty in `cwd`, with `env` added to this process's environment. */
export function startDemoProcess(cwd: string, env: NodeJS.ProcessEnv, args: readonly string[] = ['demo']): DemoProcess {
  // -e: script's status is the demo's; exec: the pty's process is node itself.
  const outer = spawn('script', ['-qefc', `exec '${process.execPath}' '${bin}' ${args.join(' ')}`, '/dev/null'], {
    cwd,
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  let raw = '';
  const collect = (chunk: Buffer): void => {
    raw += chunk.toString();
  };
  outer.stdout.on('data', collect);
  outer.stderr.on('data', collect);
  const status = new Promise<number>((resolve) => {
    outer.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signalNumbers[signal ?? ''] ?? 0));
    });
  });
  const output = (): string => stripAnsi(raw);
  return {
    outer,
    output,
    since: (from) => output().slice(from),
    type: (line) => {
      outer.stdin.write(`${line}\r`);
    },
    waitFor: async (pattern, from = 0, timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = output().slice(from).match(pattern);
        if (hit !== null) return hit;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; output:\n${output()}`);
        await sleep(100);
      }
    },
    status,
    nodePid: () => {
      const pid = childrenOf(outer.pid ?? 0)[0];
      if (pid === undefined) throw new Error('the demo has no node process under script');
      return pid;
    },
  };
}

/** The `KEY=value` pairs of a `.env` file. */
export function readEnvFile(path: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}
