import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit } from '../git/run-git.js';
import type { GitRemote } from './forge.js';

/** `git ls-remote` as a map ref → sha. */
export async function listRemoteRefs(remote: GitRemote, patterns: readonly string[]): Promise<Map<string, string>> {
  const { stdout } = await runGit(['ls-remote', remote.url, ...patterns], {
    env: remote.env,
    timeoutMs: remote.timeoutMs,
  });
  return new Map(
    stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((line) => {
        const [sha = '', ref = ''] = line.split('\t');
        return [ref, sha] as const;
      }),
  );
}

/**
 * Runs `fn` in a fresh empty repository (bare unless `withWorktree`) that is deleted afterwards: every forge operation has its
 * own scratch space, so concurrent operations never share a worktree or an index.
 */
export async function withScratch<T>(
  workDir: string,
  fn: (dir: string) => Promise<T>,
  withWorktree = false,
): Promise<T> {
  const dir = await mkdtemp(join(workDir, 'forge-op-'));
  try {
    await runGit(['init', '--quiet', ...(withWorktree ? [] : ['--bare']), dir]);
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Fetches `refs` (that exist on the remote) into the scratch repo under the same names. */
export async function fetchRefs(dir: string, remote: GitRemote, refs: readonly string[]): Promise<void> {
  if (refs.length === 0) return;
  await runGit(['fetch', '--quiet', '--no-tags', remote.url, ...refs.map((r) => `+${r}:${r}`)], {
    cwd: dir,
    env: remote.env,
    timeoutMs: remote.timeoutMs,
  });
}
