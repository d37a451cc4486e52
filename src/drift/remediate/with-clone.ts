import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitRemote } from '../../forge/forge.js';
import { runGit } from '../../git/run-git.js';

/** Author and committer of the bot's commits. */
export const BOT_IDENTITY = { name: 'homelab-bot', email: 'homelab-bot@users.noreply.localhost' };

/** A private clone for one job: git runs in it with the remote's credentials env and the bot identity. */
export interface Clone {
  readonly dir: string;
  git(args: readonly string[], options?: { readonly date?: Date }): Promise<string>;
}

/**
 * Clones `branch` of the remote into a fresh temp dir, runs `work`, and always removes the dir:
 * every job has its own worktree, so concurrent jobs never share one.
 */
export async function withClone<T>(
  remote: GitRemote,
  branch: string,
  tmpRoot: string,
  work: (clone: Clone) => Promise<T>,
): Promise<T> {
  await mkdir(tmpRoot, { recursive: true });
  const dir = await mkdtemp(join(tmpRoot, 'remediate-'));
  const identity = {
    GIT_AUTHOR_NAME: BOT_IDENTITY.name,
    GIT_AUTHOR_EMAIL: BOT_IDENTITY.email,
    GIT_COMMITTER_NAME: BOT_IDENTITY.name,
    GIT_COMMITTER_EMAIL: BOT_IDENTITY.email,
  };
  const clone: Clone = {
    dir,
    git: async (args, options = {}) => {
      const dates =
        options.date === undefined
          ? {}
          : { GIT_AUTHOR_DATE: options.date.toISOString(), GIT_COMMITTER_DATE: options.date.toISOString() };
      return (
        await runGit(['-c', 'commit.gpgsign=false', ...args], {
          cwd: dir,
          env: { ...remote.env, ...identity, ...dates },
          timeoutMs: remote.timeoutMs,
        })
      ).stdout;
    },
  };
  try {
    await runGit(['clone', '--quiet', '--branch', branch, remote.url, dir], {
      env: { ...remote.env },
      timeoutMs: remote.timeoutMs,
    });
    return await work(clone);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
