/**
 * # Forge port: where remediation pull requests live
 *
 * Two implementations behind one interface, chosen by config `apps.forge.type`
 * (build one with `createForge` in create-forge.ts):
 * - `github` (GitHubForge, @octokit/rest): real pull requests, labels, comments, merge with GitHub's
 *   `sha` guard.
 * - `git` (GitForge, plain git): no forge server. A "pull request" is a record kept IN THE APPS REPO
 *   under `refs/homelab-bot/pulls/<n>` (a small commit holding `pull.json` + comments), so it survives
 *   bot restarts and is shared by every bot process. Merge = fresh temporary clone, `git merge --no-ff`
 *   of exactly the expected head sha, push to the base branch (the merge and the record update are
 *   pushed atomically).
 *
 * ## Who pushes what
 * The CALLER creates and pushes the head branch with git (src/git/run-git.ts) into `forge.remote`:
 * ```ts
 * const { url, env } = forge.remote;                    // env carries credentials (never in argv/URL)
 * await runGit(['clone', '--quiet', '--branch', 'main', url, dir], { env });
 * // … edit, commit …
 * await runGit(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], { cwd: dir, env });
 * const pr = await forge.openPullRequest({ branch, base: 'main', title, body, labels: ['drift-remediation'] });
 * // later, on Approve (pr.headSha was shown in chat):
 * const { mergeSha } = await forge.merge(pr.number, { expectedHeadSha: shownSha, commitTitle: `Merge #${pr.number}` });
 * ```
 * The forge only does the pull-request side (open, read, merge, comment, list). Every git operation
 * inside a forge uses its own temporary clone: concurrent operations never share a worktree.
 *
 * ## Errors
 * Every failure is a `ForgeError` (forge-error.ts) with a stable `code` (`ForgeErrorCode`); no Octokit
 * or git error type escapes src/forge. `head-moved` carries the new head sha in `currentHeadSha`,
 * `already-merged` carries `mergeSha` (undefined only when plain git finds the branch fast-forwarded
 * into the base by hand). Retryable: `forge-unavailable`, `rate-limited` (`retryAfterMs`). `merge` is idempotent in effect: a second merge of the same pull
 * request never creates a second merge commit; it fails with `already-merged` (and the first mergeSha).
 */

/** Which implementation is behind the port. */
export type ForgeKind = 'github' | 'git';

/** `merged` wins over `closed`: a merged pull request is reported as `merged`. */
export type PullRequestState = 'open' | 'merged' | 'closed';

/** A pull request as the bot sees it (only the fields it uses). */
export interface PullRequest {
  readonly number: number;
  /** Web page of the PR (GitHub), or `<clone url without credentials>#<branch>` for plain git. */
  readonly url: string;
  readonly title: string;
  readonly state: PullRequestState;
  readonly headBranch: string;
  /** The head branch's current commit (for a merged PR: the commit that was merged). */
  readonly headSha: string;
  readonly baseBranch: string;
  readonly labels: readonly string[];
  /** The merge commit, once merged. */
  readonly mergeSha?: string | undefined;
  /**
   * `null` while unknown (GitHub computes it in the background; `merge` polls for you); `undefined`
   * once merged/closed and in `listOpen` results (not computed there).
   */
  readonly mergeable?: boolean | null | undefined;
}

/** What `openPullRequest` needs; the head branch must already be pushed to `forge.remote`. */
export interface OpenPullRequestInput {
  readonly branch: string;
  readonly base: string;
  readonly title: string;
  readonly body: string;
  /** Labels to attach; created on the forge when missing. */
  readonly labels?: readonly string[] | undefined;
}

/** Merge guard and commit text. */
export interface MergeInput {
  /** The head sha the approver saw; the merge is refused (`head-moved`) when the branch moved since. */
  readonly expectedHeadSha: string;
  readonly commitTitle: string;
  readonly commitMessage?: string | undefined;
}

/** The merge commit now on the base branch. */
export interface MergeResult {
  readonly mergeSha: string;
}

/**
 * How to reach the repository with git. `env` holds the credentials as git config passed through
 * the environment (GIT_CONFIG_COUNT/KEY/VALUE), so no token is ever part of a URL, argv, or log line.
 * Pass `env` to every runGit call that talks to `url` (merge it first if you add GIT_CONFIG_* yourself).
 * `env` is a getter over a private field: JSON/log serialisation shows only `url`; read it as
 * `remote.env` (spreading the remote itself, `{ ...remote }`, drops it).
 */
export interface GitRemote {
  readonly url: string;
  readonly env: Readonly<Record<string, string>>;
  /** Limit of each git command talking to `url` (config `timeouts.git`); default 2 min. */
  readonly timeoutMs?: number | undefined;
}

/** Filter for `listOpen`. */
export interface ListOpenInput {
  /** Only pull requests carrying this label. */
  readonly label?: string | undefined;
}

/** The pull-request side of the apps repo's hosting (see the module comment). */
export interface Forge {
  readonly kind: ForgeKind;
  /** Where callers clone from and push head branches to. */
  readonly remote: GitRemote;
  /**
   * Opens a pull request for an already pushed branch. Idempotent: when an open PR for the same
   * head branch exists, that one is returned (labels added).
   */
  openPullRequest(input: OpenPullRequestInput): Promise<PullRequest>;
  /** Fails with `not-found` for an unknown number. */
  getPullRequest(number: number): Promise<PullRequest>;
  /**
   * Merges with a merge commit (`--no-ff`), only if the head is still `expectedHeadSha`.
   * Errors: `head-moved` (nothing merged), `not-mergeable` (conflict / closed), `already-merged`,
   * `not-found`, `forge-unavailable`, `rate-limited`.
   */
  merge(number: number, input: MergeInput): Promise<MergeResult>;
  /** Adds a comment (e.g. "Approved by … merged as …"). */
  comment(number: number, body: string): Promise<void>;
  /** Open pull requests, newest first. */
  listOpen(input?: ListOpenInput): Promise<readonly PullRequest[]>;
}
