import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

/** A checkout in miniature: the real bin, a dist/ and a src/ that each say who they are. */
describe('bin/homelab-bot.js never runs a stale build', () => {
  let dir: string;
  const bin = (): Promise<{ stdout: string }> => run(process.execPath, [join(dir, 'bin/homelab-bot.js')], { cwd: dir });
  const age = async (file: string, secondsAgo: number): Promise<void> => {
    const when = new Date(Date.now() - secondsAgo * 1000);
    await utimes(join(dir, file), when, when);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hlb-bin-'));
    await mkdir(join(dir, 'bin'));
    await mkdir(join(dir, 'dist'));
    await mkdir(join(dir, 'src'));
    await copyFile(join(root, 'bin/homelab-bot.js'), join(dir, 'bin/homelab-bot.js'));
    await writeFile(join(dir, 'package.json'), '{"type":"module"}\n');
    await writeFile(join(dir, 'dist/main.js'), "process.stdout.write('ran dist');\n");
    await writeFile(join(dir, 'src/main.ts'), "const from: string = 'ran src';\nprocess.stdout.write(from);\n");
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
    await age('package.json', 3600);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs dist/ when it is newer than every source', async () => {
    await age('src/main.ts', 600);
    await age('dist/main.js', 60);
    expect((await bin()).stdout).toBe('ran dist');
  });

  it('runs the sources through tsx when a source changed after the build', async () => {
    await age('dist/main.js', 600);
    await age('src/main.ts', 60);
    expect((await bin()).stdout).toBe('ran src');
  });

  it('runs dist/ where there are no sources (the Docker image)', async () => {
    await rm(join(dir, 'src'), { recursive: true });
    expect((await bin()).stdout).toBe('ran dist');
  });
});
