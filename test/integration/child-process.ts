import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `script` under tsx with extra env; resolves once it prints `ready` on stdout. */
export function spawnReadyChild(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve(child);
    });
    child.once('exit', (code) => {
      reject(new Error(`worker child exited early (${String(code)}): ${out}`));
    });
  });
}

/** The child's exit code, once it has exited. */
export const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) =>
        child.once('exit', (code) => {
          resolve(code);
        }),
      );

/** Resolves with the run id once the child prints `paused <runId>` (a dispatch step it stopped at). */
export const pausedAt = (child: ChildProcess): Promise<string> =>
  new Promise((resolve) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /paused (\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
  });
