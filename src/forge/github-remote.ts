import type { GitRemote } from './forge.js';
import { toGitRemote } from './git-remote.js';

/** Where the GitHub repo is cloned from, and the credentials git needs for it. */
export interface GitHubRemoteInput {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly apiUrl?: string | undefined;
  /** `apps.url` when configured (wins over the URL derived from `apiUrl`). */
  readonly cloneUrl?: string | undefined;
  /** Limit of each git command talking to the clone URL (config `timeouts.git`). */
  readonly gitTimeoutMs?: number | undefined;
}

/** github.com for the public API, `<host>` for GHES (`<host>/api/v3`), else the API URL itself (emulator). */
export function gitHubCloneUrl(input: GitHubRemoteInput): string {
  if (input.cloneUrl !== undefined) return input.cloneUrl;
  const api = (input.apiUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const web = api === 'https://api.github.com' ? 'https://github.com' : api.replace(/\/api\/v3$/, '');
  return `${web}/${input.owner}/${input.repo}.git`;
}

/**
 * The token travels as an `http.<origin>/.extraHeader` given to git through GIT_CONFIG_* variables:
 * never in the URL, argv, `.git/config` of a clone, or an error message. ssh remotes get no header.
 */
export function gitHubRemote(input: GitHubRemoteInput): GitRemote {
  const url = gitHubCloneUrl(input);
  if (!/^https?:\/\//i.test(url)) return toGitRemote(url, {}, input.gitTimeoutMs);
  const basic = Buffer.from(`x-access-token:${input.token}`).toString('base64');
  return toGitRemote(
    url,
    {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `http.${new URL(url).origin}/.extraHeader`,
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    },
    input.gitTimeoutMs,
  );
}
