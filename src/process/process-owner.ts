import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { ownerDirPrefix, ownerStamp, sweepDeadOwners } from './sweep-owners.js';
import type { SupervisePlan } from './supervise.js';

/** A child started by a {@link ProcessOwner}, under its own supervisor. */
export interface OwnedChild {
  readonly pid: number | undefined;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Resolves with the exit status once the child (and its supervisor) are gone. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after the grace period; removes the child's dirs. */
  stop(): Promise<void>;
}

/**
 * The one owner of the child processes and temp dirs a CLI run starts. Everything lives under
 * one `hlb-owner-*` dir; every child runs under a supervisor that stops it when this process
 * exits in any way (SIGKILL too); `close()` stops them all and removes the dir. Dirs of dead
 * owners are swept when the next owner is created.
 */
export interface ProcessOwner {
  readonly dir: string;
  /** A fresh temp dir inside the owner's dir. */
  makeTempDir(prefix: string): Promise<string>;
  /**
   * Starts `command` under a supervisor; `dirs` are removed when it stops. `graceMs` overrides the
   * owner's SIGTERM → SIGKILL grace for a child that needs longer to clean up (a lab keeper).
   */
  spawn(command: string, args: readonly string[], options?: SpawnOwnedOptions): OwnedChild;
  /** Stops every child still running and removes the owner's dir. */
  close(): Promise<void>;
}

/** Per-child options of {@link ProcessOwner.spawn}. */
export interface SpawnOwnedOptions {
  readonly dirs?: readonly string[];
  readonly graceMs?: number;
}

export interface ProcessOwnerOptions {
  /** Where owner dirs live; default the OS temp dir. */
  readonly root?: string;
  /** SIGTERM → SIGKILL grace for each child (default 1500 ms). */
  readonly graceMs?: number;
}

/**
 * How to run supervise.ts: compiled in dist/; from the sources with Node's type stripping (22.6+),
 * or through tsx on an older Node (development checkouts only; the runtime is Node 24).
 */
function supervisorArgs(): string[] {
  if (import.meta.url.endsWith('.js')) return [fileURLToPath(new URL('./supervise.js', import.meta.url))];
  const source = fileURLToPath(new URL('./supervise.ts', import.meta.url));
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 6))
    return ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', source];
  return ['--import', import.meta.resolve('tsx'), source];
}

export async function createProcessOwner(options: ProcessOwnerOptions = {}): Promise<ProcessOwner> {
  const root = options.root ?? tmpdir();
  const graceMs = options.graceMs ?? 1500;
  await sweepDeadOwners(root);
  const dir = await mkdtemp(join(root, ownerDirPrefix));
  await writeFile(join(dir, 'owner'), ownerStamp(process.pid));
  const children = new Set<OwnedChild>();
  // Children die with their supervisors' lifelines; plain temp dirs need this synchronous fallback.
  const removeOnExit = (): void => {
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', removeOnExit);

  const spawnOwned = (command: string, args: readonly string[], opts: SpawnOwnedOptions = {}): OwnedChild => {
    const plan: SupervisePlan = {
      command,
      args,
      dirs: opts.dirs ?? [],
      ownerDir: dir,
      ownerPid: process.pid,
      graceMs: opts.graceMs ?? graceMs,
    };
    // detached: a terminal's Ctrl-C or hang-up reaches this process only, which stops children in order.
    const supervisor = spawn(process.execPath, [...supervisorArgs(), JSON.stringify(plan)], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const child = ownedChild(supervisor, () => {
      children.delete(child);
    });
    children.add(child);
    return child;
  };

  return {
    dir,
    makeTempDir: (prefix) => mkdtemp(join(dir, prefix)),
    spawn: spawnOwned,
    close: async () => {
      await Promise.all([...children].map((c) => c.stop()));
      process.off('exit', removeOnExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function ownedChild(supervisor: ChildProcess, forget: () => void): OwnedChild {
  const exited = new Promise<number | null>((resolve) => {
    supervisor.once('exit', (code) => {
      forget();
      resolve(code);
    });
    supervisor.once('error', () => {
      forget();
      resolve(null);
    });
  });
  const [, stdout, stderr, lifeline] = supervisor.stdio;
  if (stdout === null || stderr === null || lifeline === null || lifeline === undefined) {
    throw new Error('supervisor started without its pipes');
  }
  return {
    pid: supervisor.pid,
    stdout,
    stderr,
    exited,
    stop: async () => {
      // Closing our end of the lifeline is the one stop signal the supervisor acts on.
      lifeline.destroy();
      await exited;
    },
  };
}
