import { runGit } from '../git/run-git.js';

/** Whether `head` is already part of `base`, and the merge commit that brought it in (if it was a merge). */
export async function mergedInto(
  dir: string,
  head: string,
  base: string,
): Promise<{ readonly merged: boolean; readonly mergeSha?: string | undefined }> {
  const merged = await runGit(['merge-base', '--is-ancestor', head, base], { cwd: dir }).then(
    () => true,
    () => false,
  );
  if (!merged) return { merged };
  const merges = await runGit(['rev-list', '--ancestry-path', '--merges', '--reverse', `${head}..${base}`], {
    cwd: dir,
  });
  return { merged, mergeSha: merges.stdout.split('\n')[0] || undefined };
}
