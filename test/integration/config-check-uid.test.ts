import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBinary, requireService } from '../../lab/require-service.js';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/homelab-bot.js');

/** The container's user (uid 1000) meeting a config written for root: apps.path it cannot create. */
describe('config check as uid 1000', () => {
  let dir: string;
  beforeAll(async () => {
    await requireService(
      'root and setpriv (util-linux)',
      async () => process.getuid?.() === 0 && (await hasBinary('setpriv')),
    );
    dir = await mkdtemp(join(tmpdir(), 'hlb-config-uid-'));
    await chmod(dir, 0o755);
    await mkdir(join(dir, 'root-only'), { mode: 0o755 });
    await writeFile(
      join(dir, 'config.yaml'),
      `apps: { path: ${join(dir, 'root-only/apps')}, url: "file:///nowhere.git" }\n`,
      { mode: 0o644 },
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an apps.path the user cannot create, naming the folder and the uid (not a stack trace at the first audit)', async () => {
    const result = await run(
      'setpriv',
      [
        '--reuid',
        '1000',
        '--regid',
        '1000',
        '--clear-groups',
        '--',
        process.execPath,
        bin,
        'config',
        'check',
        '-c',
        join(dir, 'config.yaml'),
      ],
      {
        cwd: dir,
        env: { PATH: process.env['PATH'], HOME: dir, TMPDIR: '/tmp' },
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `apps.path: ${join(dir, 'root-only/apps')} does not exist and cannot be created: ${join(dir, 'root-only')} is not writable by this user (uid 1000)`,
    );
  });
});
