import { Octokit } from '@octokit/rest';
import type { Logger } from '../log.js';
import { ForgeError, isForgeError } from './forge-error.js';
import type { Forge, ListOpenInput, MergeInput, MergeResult, OpenPullRequestInput, PullRequest } from './forge.js';
import { callGitHub, defaultRetryPolicy, type CallTrace, type RetryPolicy } from './github-call.js';
import { ensureGitHubLabels } from './github-labels.js';
import { toPullRequest } from './github-pull.js';
import { timedFetch } from './timed-fetch.js';
import { defaultCallTimeouts } from '../config/timeouts-schema.js';
import { gitHubRemote, type GitHubRemoteInput } from './github-remote.js';

/** Settings of a GitHubForge (config `apps.forge` with `type: github`, plus `apps.url`). */
export interface GitHubForgeOptions extends GitHubRemoteInput {
  readonly log: Logger;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Reads of a PR while GitHub still reports `mergeable: null` before merging anyway (default 6). */
  readonly mergeablePolls?: number | undefined;
  /** Limit of one GitHub API call (config `timeouts.github`, default 30 s); each retry gets its own. */
  readonly callTimeoutMs?: number | undefined;
}

/** The Forge port on GitHub (or GHES / the emulator) through @octokit/rest. */
export function createGitHubForge(options: GitHubForgeOptions): Forge {
  const { owner, repo, log } = options;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'homelab-bot',
    request: { fetch: timedFetch('GitHub', options.callTimeoutMs ?? defaultCallTimeouts.github) },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m: string) => {
        log.warn({ detail: m }, 'github client warning');
      },
      error: () => undefined,
    },
  });
  const call = <T>(what: string, fn: () => Promise<T>, trace?: CallTrace) => callGitHub(what, fn, policy, trace);
  const where = { owner, repo };

  const getPullRequest = async (number: number): Promise<PullRequest> =>
    toPullRequest(
      (await call(`read of PR #${number}`, () => octokit.rest.pulls.get({ ...where, pull_number: number }))).data,
    );

  /** Reads until GitHub has computed `mergeable` (it does so in the background after a push). */
  const settled = async (number: number): Promise<PullRequest> => {
    const polls = options.mergeablePolls ?? 6;
    let pr = await getPullRequest(number);
    for (let i = 1; pr.state === 'open' && pr.mergeable === null && i < polls; i += 1) {
      await policy.sleep(Math.min(policy.baseDelayMs * 2 ** (i - 1), 8000));
      pr = await getPullRequest(number);
    }
    return pr;
  };

  const existingFor = async (input: OpenPullRequestInput) => {
    const { data } = await call('listing of PRs', () =>
      octokit.rest.pulls.list({ ...where, state: 'open', head: `${owner}:${input.branch}`, base: input.base }),
    );
    const [first] = data;
    if (first === undefined)
      throw new ForgeError('forge-rejected', `GitHub says a PR for ${input.branch} exists but lists none.`);
    return first;
  };

  const openPullRequest = async (input: OpenPullRequestInput): Promise<PullRequest> => {
    const created = await call(`creation of a PR for ${input.branch}`, () =>
      octokit.rest.pulls.create({
        ...where,
        head: input.branch,
        base: input.base,
        title: input.title,
        body: input.body,
      }),
    ).then(
      (r) => r.data,
      async (e: unknown) => {
        if (isForgeError(e, 'forge-rejected') && /already exists/i.test(e.message)) return existingFor(input);
        throw e;
      },
    );
    const pr = toPullRequest(created);
    log.info({ pr: pr.number, branch: input.branch }, 'pull request opened');
    const labels = input.labels ?? [];
    if (labels.length === 0) return pr;
    await ensureGitHubLabels(octokit, where, labels, call);
    const { data } = await call(`labelling of PR #${pr.number}`, () =>
      octokit.rest.issues.addLabels({ ...where, issue_number: pr.number, labels: [...labels] }),
    );
    return { ...pr, labels: data.map((l) => l.name) };
  };

  const refuseUnlessMergeable = (pr: PullRequest, input: MergeInput): void => {
    if (pr.state === 'merged')
      throw new ForgeError(
        'already-merged',
        `PR #${pr.number} is already merged (${pr.mergeSha ?? 'unknown commit'}).`,
        { mergeSha: pr.mergeSha },
      );
    if (pr.headSha !== input.expectedHeadSha) {
      throw new ForgeError(
        'head-moved',
        `PR #${pr.number} changed since it was shown: head is now ${pr.headSha.slice(0, 12)}, not ${input.expectedHeadSha.slice(0, 12)}.`,
        { currentHeadSha: pr.headSha },
      );
    }
    if (pr.state === 'closed') throw new ForgeError('not-mergeable', `PR #${pr.number} is closed.`);
    if (pr.mergeable === false)
      throw new ForgeError('not-mergeable', `PR #${pr.number} has conflicts with ${pr.baseBranch}.`);
  };

  const merge = async (number: number, input: MergeInput): Promise<MergeResult> => {
    refuseUnlessMergeable(await settled(number), input);
    const trace: CallTrace = { retriedAfterFailure: false };
    try {
      const { data } = await call(
        `merge of PR #${number}`,
        () =>
          octokit.rest.pulls.merge({
            ...where,
            pull_number: number,
            sha: input.expectedHeadSha,
            merge_method: 'merge',
            commit_title: input.commitTitle,
            ...(input.commitMessage === undefined ? {} : { commit_message: input.commitMessage }),
          }),
        trace,
      );
      log.info({ pr: number, mergeSha: data.sha }, 'pull request merged');
      return { mergeSha: data.sha };
    } catch (e: unknown) {
      if (!isForgeError(e, 'forge-rejected') || (e.details.status !== 405 && e.details.status !== 409)) throw e;
      const now = await getPullRequest(number);
      // A retried merge whose first attempt did land (the answer was lost) is our own merge.
      if (
        now.state === 'merged' &&
        trace.retriedAfterFailure &&
        now.headSha === input.expectedHeadSha &&
        now.mergeSha !== undefined
      )
        return { mergeSha: now.mergeSha };
      refuseUnlessMergeable(now, input);
      throw new ForgeError('not-mergeable', `GitHub refused to merge PR #${number}: ${e.message}`, {
        status: e.details.status,
      });
    }
  };

  const comment = async (number: number, body: string): Promise<void> => {
    await call(`comment on PR #${number}`, () =>
      octokit.rest.issues.createComment({ ...where, issue_number: number, body }),
    );
  };

  const listOpen = async (input: ListOpenInput = {}): Promise<readonly PullRequest[]> => {
    const all = await call('listing of PRs', () =>
      octokit.paginate(octokit.rest.pulls.list, { ...where, state: 'open', per_page: 100 }),
    );
    return all
      .map((d) => toPullRequest({ ...d, merged: false }))
      .filter((pr) => input.label === undefined || pr.labels.includes(input.label))
      .sort((a, b) => b.number - a.number);
  };

  return { kind: 'github', remote: gitHubRemote(options), openPullRequest, getPullRequest, merge, comment, listOpen };
}
