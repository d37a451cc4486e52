import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFiles } from './fixture-apps.js';
import type { LabPaths } from './lab-paths.js';
import { runOk } from './proc.js';

/** The fixture apps repo: a bare remote plus a working clone that pushes to it. */
export interface LabApps {
  /** Path of the bare repo (`<state>/remote/apps.git`), usable as a git URL. */
  readonly remote: string;
  /** Path of the working clone. */
  readonly clone: string;
  /**
   * Writes `files` (path → content; `null` deletes) into the clone, commits and pushes to the
   * remote. Returns the new commit sha.
   */
  readonly commit: (message: string, files: Readonly<Record<string, string | null>>) => Promise<string>;
}

const gitIdentity = ['-c', 'user.name=hlb-lab', '-c', 'user.email=lab@hlb-lab.invalid', '-c', 'commit.gpgsign=false'];

/** Runs git in `cwd` with the lab identity; throws on failure. */
export const git = (cwd: string, args: readonly string[]): Promise<string> =>
  runOk('git', [...gitIdentity, ...args], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });

async function commitFiles(
  clone: string,
  message: string,
  files: Readonly<Record<string, string | null>>,
): Promise<string> {
  const writes: Record<string, string> = {};
  for (const [rel, content] of Object.entries(files)) {
    if (content === null) await rm(`${clone}/${rel}`, { recursive: true, force: true });
    else writes[rel] = content;
  }
  await writeFiles(clone, writes);
  await git(clone, ['add', '-A', '--', ...Object.keys(files)]);
  await git(clone, ['commit', '-q', '-m', message]);
  await git(clone, ['push', '-q', 'origin', 'main']);
  return (await git(clone, ['rev-parse', 'HEAD'])).trim();
}

/** Creates the bare remote and the clone with `files` as the first commit on `main`. */
export async function createAppsRepo(paths: LabPaths, files: Readonly<Record<string, string>>): Promise<LabApps> {
  await mkdir(dirname(paths.remote), { recursive: true });
  await runOk('git', ['init', '-q', '--bare', '-b', 'main', paths.remote]);
  await mkdir(paths.clone, { recursive: true });
  await git(paths.clone, ['init', '-q', '-b', 'main']);
  await git(paths.clone, ['remote', 'add', 'origin', paths.remote]);
  await writeFiles(paths.clone, files);
  await git(paths.clone, ['add', '-A']);
  await git(paths.clone, ['commit', '-q', '-m', 'feat: homelab stacks']);
  await git(paths.clone, ['push', '-q', '-u', 'origin', 'main']);
  return {
    remote: paths.remote,
    clone: paths.clone,
    commit: (message, changed) => commitFiles(paths.clone, message, changed),
  };
}

/** Clones the remote as the host's checkout (`<hostDir>/apps`), like the operator's `git pull` on the host. */
export async function cloneHostCheckout(remote: string, hostDir: string): Promise<string> {
  const dir = `${hostDir}/apps`;
  await runOk('git', ['clone', '-q', remote, dir]);
  return dir;
}
