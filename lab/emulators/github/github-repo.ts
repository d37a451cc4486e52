import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Result of one git run; never throws on a non-zero exit (the emulator maps exit codes). */
export interface GitRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const identity = {
  GIT_AUTHOR_NAME: 'GitHub',
  GIT_AUTHOR_EMAIL: 'noreply@github.com',
  GIT_COMMITTER_NAME: 'GitHub',
  GIT_COMMITTER_EMAIL: 'noreply@github.com',
};

/** Async git (an in-process emulator must never block its event loop). */
export function git(args: readonly string[], cwd?: string, env: NodeJS.ProcessEnv = {}): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      [...args],
      {
        cwd,
        env: { ...process.env, ...identity, ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
      },
    );
  });
}

async function must(args: readonly string[], cwd?: string): Promise<string> {
  const run = await git(args, cwd);
  if (run.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr.trim()}`);
  return run.stdout.trim();
}

/** The bare repository behind the emulated GitHub repo, driven by real git. */
export interface BareRepo {
  readonly path: string;
  /** Sha of `refs/heads/<branch>`, or undefined when the branch does not exist. */
  branchSha(branch: string): Promise<string | undefined>;
  /** `git merge-tree --write-tree`: true = clean, false = conflicts. */
  mergesCleanly(baseSha: string, headSha: string): Promise<boolean>;
  /** True when `ancestor` is reachable from `descendant`. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /**
   * `git merge --no-ff` of `headSha` into `base` in a temporary clone, pushed back only if `base`
   * still points at `baseSha`. Returns the merge commit, or undefined on a conflict.
   */
  mergeNoFf(base: string, baseSha: string, headSha: string, message: string): Promise<string | undefined>;
  /** Test helper: commits `files` on `branch` (created from `from` when missing) and returns the sha. */
  commit(input: {
    branch: string;
    from?: string;
    files: Readonly<Record<string, string>>;
    message: string;
  }): Promise<string>;
  /** `git log --format=<format> <ref>` lines. */
  log(ref: string, format?: string): Promise<string[]>;
}

/** Creates `<root>/<owner>/<repo>.git` (branch `main`) with one commit holding `files`. */
export async function createBareRepo(
  root: string,
  owner: string,
  repo: string,
  files: Readonly<Record<string, string>>,
): Promise<BareRepo> {
  const path = join(root, owner, `${repo}.git`);
  await mkdir(dirname(path), { recursive: true });
  await must(['init', '--quiet', '--bare', '--initial-branch=main', path]);
  await must(['config', 'http.receivepack', 'true'], path);
  const withClone = async <T>(fn: (dir: string) => Promise<T>): Promise<T> => {
    const dir = await mkdtemp(join(root, 'clone-'));
    try {
      return await fn(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const self: BareRepo = {
    path,
    branchSha: async (branch) => {
      const run = await git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], path);
      return run.code === 0 ? run.stdout.trim() : undefined;
    },
    mergesCleanly: async (baseSha, headSha) =>
      (await git(['merge-tree', '--write-tree', baseSha, headSha], path)).code === 0,
    isAncestor: async (a, d) => (await git(['merge-base', '--is-ancestor', a, d], path)).code === 0,
    mergeNoFf: (base, baseSha, headSha, message) =>
      withClone(async (dir) => {
        await must(['clone', '--quiet', '--branch', base, path, dir]);
        if ((await must(['rev-parse', 'HEAD'], dir)) !== baseSha)
          throw new Error(`base ${base} moved during the merge`);
        await must(['fetch', '--quiet', 'origin', headSha], dir);
        const merged = await git(['merge', '--quiet', '--no-ff', '-m', message, headSha], dir);
        if (merged.code !== 0) return undefined;
        await must(['push', '--quiet', 'origin', `HEAD:refs/heads/${base}`], dir);
        return must(['rev-parse', 'HEAD'], dir);
      }),
    commit: ({ branch, from, files: changes, message }) =>
      withClone(async (dir) => {
        await must(['clone', '--quiet', path, dir]);
        const exists = (await self.branchSha(branch)) !== undefined;
        await must(
          ['checkout', '--quiet', '-B', branch, exists ? `origin/${branch}` : `origin/${from ?? 'main'}`],
          dir,
        );
        for (const [file, content] of Object.entries(changes)) {
          await mkdir(dirname(join(dir, file)), { recursive: true });
          await writeFile(join(dir, file), content);
        }
        await must(['add', '--all'], dir);
        await must(['commit', '--quiet', '--allow-empty', '-m', message], dir);
        await must(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], dir);
        return must(['rev-parse', 'HEAD'], dir);
      }),
    log: async (ref, format = '%H %P %s') =>
      (await must(['log', `--format=${format}`, ref], path)).split('\n').filter((l) => l !== ''),
  };
  await withClone(async (dir) => {
    await must(['init', '--quiet', '--initial-branch=main', dir]);
    for (const [file, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), content);
    }
    await must(['add', '--all'], dir);
    await must(['commit', '--quiet', '--allow-empty', '-m', 'Initial commit'], dir);
    await must(['push', '--quiet', path, 'HEAD:refs/heads/main'], dir);
  });
  return self;
}
