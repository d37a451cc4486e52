import { join } from 'node:path';
import type { AppsConfig } from '../config/apps-schema.js';
import type { CallTimeouts } from '../config/timeouts-schema.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Forge } from './forge.js';
import type { RetryPolicy } from './github-call.js';
import { createGitForge } from './git-forge.js';
import { createGitHubForge } from './github-forge.js';
import { defaultCacheDir } from '../config/cache-dir.js';

/** What the forge needs besides config. */
export interface ForgeDeps {
  readonly log: Logger;
  /** Where plain-git operations make their temporary clones (default: the OS temp folder). */
  readonly workDir?: string | undefined;
  /** GitHub retry overrides (tests inject `sleep`). */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Config `timeouts` (git commands, GitHub calls); defaults when absent. */
  readonly timeouts?: CallTimeouts | undefined;
}

/**
 * The configured forge, or undefined when `apps.forge` is absent (read-only audits).
 * github: clone URL is `apps.url` or derived from `apiUrl`; git: pushes go to `apps.url`, else `apps.path`.
 */
export function createForge(apps: AppsConfig, deps: ForgeDeps): Forge | undefined {
  const forge = apps.forge;
  if (forge === undefined) return undefined;
  const log = deps.log.child({ forge: forge.type });
  if (forge.type === 'github') {
    return createGitHubForge({
      owner: forge.owner,
      repo: forge.repo,
      token: forge.token,
      apiUrl: forge.apiUrl,
      cloneUrl: apps.url,
      log,
      retry: deps.retry,
      callTimeoutMs: deps.timeouts?.github,
      gitTimeoutMs: deps.timeouts?.git,
    });
  }
  const url = apps.url ?? apps.path;
  if (url === undefined) throw new ConfigError('apps.forge.type "git" needs apps.url (or apps.path) to push to.');
  return createGitForge({
    url,
    workDir: deps.workDir ?? join(defaultCacheDir(), 'forge'),
    log,
    gitTimeoutMs: deps.timeouts?.git,
  });
}
