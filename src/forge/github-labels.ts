import type { Octokit } from '@octokit/rest';
import { isForgeError } from './forge-error.js';

type Call = <T>(what: string, fn: () => Promise<T>) => Promise<T>;

/** Creates each label that does not exist yet (a concurrent creation by someone else is fine). */
export async function ensureGitHubLabels(
  octokit: Octokit,
  where: { owner: string; repo: string },
  labels: readonly string[],
  call: Call,
): Promise<void> {
  for (const name of labels) {
    const exists = await call(`read of label ${name}`, () => octokit.rest.issues.getLabel({ ...where, name })).then(
      () => true,
      (e: unknown) => {
        if (isForgeError(e, 'not-found')) return false;
        throw e;
      },
    );
    if (exists) continue;
    await call(`creation of label ${name}`, () =>
      octokit.rest.issues.createLabel({ ...where, name, color: '0e8a16', description: 'Opened by homelab-bot' }),
    ).catch((e: unknown) => {
      if (!isForgeError(e, 'forge-rejected') || !/already_exists|already exists/i.test(e.message)) throw e;
    });
  }
}
