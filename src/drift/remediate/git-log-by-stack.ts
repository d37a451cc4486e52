import type { GitRemote } from '../../forge/forge.js';
import { withClone } from './with-clone.js';

/** One commit of the apps repo. */
export interface StackCommit {
  readonly sha: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
}

/** Commits that touched one stack (or `(repo)` for files outside the stacks folder). */
export interface StackLog {
  readonly stack: string;
  readonly commits: readonly StackCommit[];
}

/** Parses `git log --name-only --format=%x1e%H%x1f%aI%x1f%an%x1f%s` into per-stack commit lists. */
export function groupLogByStack(text: string, stacksDir: string): StackLog[] {
  const groups = new Map<string, StackCommit[]>();
  for (const record of text.split('\x1e').filter((r) => r.trim() !== '')) {
    const [head = '', ...files] = record.split('\n');
    const [sha = '', date = '', author = '', subject = ''] = head.split('\x1f');
    const commit = { sha, date, author, subject };
    const stacks = new Set(
      files
        .filter((f) => f !== '')
        .map((f) => (f.startsWith(`${stacksDir}/`) ? (f.split('/')[1] ?? '(repo)') : '(repo)')),
    );
    for (const stack of stacks) groups.set(stack, [...(groups.get(stack) ?? []), commit]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([stack, commits]) => ({ stack, commits }));
}

/** The apps repo's commits of the last `days` on `branch`, grouped by stack (FR-6.4). */
export function gitLogByStack(
  remote: GitRemote,
  branch: string,
  stacksDir: string,
  days: number,
  tmpDir: string,
): Promise<StackLog[]> {
  return withClone(remote, branch, tmpDir, async (clone) => {
    const text = await clone.git([
      'log',
      `--since=${days} days ago`,
      '--name-only',
      '--format=%x1e%H%x1f%aI%x1f%an%x1f%s',
    ]);
    return groupLogByStack(text, stacksDir);
  });
}
