import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runGit } from '../../src/git/run-git.js';

/**
 * A bare apps repo under `dir` (`<dir>/apps.git`) whose `main` holds `files` (path → content) in
 * one commit; returns its path.
 */
export async function createAppsRemote(dir: string, files: Readonly<Record<string, string>>): Promise<string> {
  const bare = join(dir, 'apps.git');
  const work = join(dir, 'work');
  await runGit(['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(work, path)), { recursive: true });
    await writeFile(join(work, path), content);
  }
  await runGit(['init', '--quiet', '--initial-branch=main', work]);
  const id = ['-c', 'user.name=t', '-c', 'user.email=t@example.org'];
  await runGit([...id, 'add', '.'], { cwd: work });
  await runGit([...id, 'commit', '--quiet', '-m', 'init'], { cwd: work });
  await runGit(['push', '--quiet', bare, 'main'], { cwd: work });
  return bare;
}
