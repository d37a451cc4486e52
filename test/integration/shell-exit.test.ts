import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasBinary, requireService } from '../../lab/require-service.js';
import { leftoversAfter, startShell, type ShellProcess } from './shell-process.js';

/** How each kind of stop is delivered, and the exit status it must end with. */
interface Stop {
  readonly name: string;
  readonly act: (shell: ShellProcess) => void | Promise<void>;
  readonly status: number;
}

const signal = (name: NodeJS.Signals, status: number): Stop => ({
  name,
  status,
  act: (shell) => {
    process.kill(shell.pid, name);
  },
});

const pipeStops: readonly Stop[] = [
  {
    name: 'quit',
    status: 0,
    act: (shell) => {
      shell.type('quit\n');
    },
  },
  {
    name: 'EOF',
    status: 0,
    act: (shell) => {
      shell.outer.stdin?.end();
    },
  },
  signal('SIGINT', 130),
  signal('SIGTERM', 143),
  signal('SIGHUP', 129),
  signal('SIGKILL', 137),
];

const ptyStops: readonly Stop[] = [
  {
    name: 'quit',
    status: 0,
    act: (shell) => {
      shell.type('quit\r');
    },
  },
  {
    name: 'Ctrl-D (EOF)',
    status: 0,
    act: (shell) => {
      shell.type('\x04');
    },
  },
  {
    name: 'Ctrl-C twice',
    status: 0,
    act: async (shell) => {
      shell.type('/pi\x03');
      await shell.waitFor('(To exit, press Ctrl-C again or Ctrl-D, or type quit.)');
      shell.type('\x03');
    },
  },
  signal('SIGINT', 130),
  signal('SIGTERM', 143),
  signal('SIGHUP', 129),
  signal('SIGKILL', 137),
];

describe.each([
  { mode: 'pipe' as const, stops: pipeStops },
  { mode: 'pty' as const, stops: ptyStops },
])('homelab-bot shell from a $mode leaves no child process and no temp dir', ({ mode, stops }) => {
  let dir: string;
  let tmp: string;
  beforeEach(async () => {
    await requireService('redis-server', () => hasBinary('redis-server'));
    if (mode === 'pty') await requireService('script (util-linux)', () => hasBinary('script'));
    dir = await mkdtemp(join(tmpdir(), 'hlb-shell-exit-'));
    tmp = join(dir, 'tmp');
    await import('node:fs/promises').then((fs) => fs.mkdir(tmp));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(stops)('after $name: exit status $status, nothing left within 5 s', async (stop) => {
    const shell = await startShell(mode, dir, tmp);
    expect(shell.output()).toContain('(private redis on redis://127.0.0.1:');
    const before = await leftoversAfter(tmp, 0);
    expect(before.processes.length).toBeGreaterThanOrEqual(2);
    expect(before.dirs).toEqual([expect.stringMatching(/^hlb-owner-/)]);

    await stop.act(shell);

    expect(await shell.status).toBe(stop.status);
    expect(await leftoversAfter(tmp, 5000)).toEqual({ processes: [], dirs: [] });
  });
});
