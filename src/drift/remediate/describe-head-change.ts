import type { GitRemote } from '../../forge/forge.js';
import { withClone } from './with-clone.js';

/**
 * What changed on a PR branch between the sha shown in chat and its head now: the new commits and a
 * diffstat. Best effort: when git cannot tell (force-push, branch gone), only the shas are given.
 */
export async function describeHeadChange(
  remote: GitRemote,
  branch: string,
  shown: string,
  current: string,
  tmpDir: string,
): Promise<string> {
  try {
    return await withClone(remote, branch, tmpDir, async (clone) => {
      const log = (await clone.git(['log', '--format=• %h %s (%an)', `${shown}..${current}`])).trim();
      const stat = (await clone.git(['diff', '--stat', shown, current])).trim();
      return [`New commits on ${branch}:`, log === '' ? '(none: the branch was rewritten)' : log, stat].join('\n');
    });
  } catch {
    return `The branch ${branch} was rewritten (${shown.slice(0, 12)} is no longer in its history).`;
  }
}
