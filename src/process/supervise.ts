/**
 * The tiny supervisor every owned child runs under (see process-owner.ts). It starts the child
 * and stops it (SIGTERM, then SIGKILL after the grace period) as soon as the lifeline on fd 3
 * closes — which the kernel does for the owner on any exit, SIGKILL included — then removes the
 * child's temp dirs and, when the owner is gone, the owner's whole dir.
 *
 * Runs as its own small Node process, straight from this file (type stripping in development,
 * `dist/` in the image), so it imports only `node:` modules and uses erasable TypeScript only.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { pathToFileURL } from 'node:url';

/** What the owner asks for, passed as one JSON argument (so `ps` shows the owner dir). */
export interface SupervisePlan {
  readonly command: string;
  readonly args: readonly string[];
  readonly dirs: readonly string[];
  readonly ownerDir: string;
  readonly ownerPid: number;
  readonly graceMs: number;
}

const removeAll = (dirs: readonly string[]): void => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
};

/** Runs the plan until the child exits; returns nothing, exits the process with the child's status. */
export function supervise(plan: SupervisePlan): void {
  const child = spawn(plan.command, [...plan.args], { stdio: ['ignore', 'inherit', 'inherit'] });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    setTimeout(() => {
      child.kill('SIGKILL');
    }, plan.graceMs).unref();
  };
  const finish = (status: number): void => {
    removeAll(plan.dirs);
    // Reparented: the owner died without cleaning up, so its dir is garbage now.
    if (process.ppid !== plan.ownerPid) removeAll([plan.ownerDir]);
    process.exit(status);
  };
  child.once('error', (error) => {
    process.stderr.write(`cannot start ${plan.command}: ${error.message}\n`);
    finish(127);
  });
  child.once('exit', (code, signal) => {
    finish(code ?? (signal === null ? 1 : 128 + signalNumber(signal)));
  });
  const lifeline = new Socket({ fd: 3, readable: true, writable: false });
  lifeline.on('data', () => undefined);
  lifeline.once('end', stop);
  lifeline.once('close', stop);
  lifeline.once('error', stop);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, stop);
}

function signalNumber(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return numbers[signal] ?? 0;
}

const planArgument = process.argv[2];
if (planArgument !== undefined && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  supervise(JSON.parse(planArgument) as SupervisePlan);
}
