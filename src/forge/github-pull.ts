import type { PullRequest } from './forge.js';

/** The fields of a GitHub pull request (full or simple) the port reads. */
export interface GitHubPullData {
  readonly number: number;
  readonly html_url: string;
  readonly title: string;
  readonly state: string;
  readonly merged?: boolean | undefined;
  readonly merged_at: string | null;
  readonly merge_commit_sha: string | null;
  readonly mergeable?: boolean | null | undefined;
  readonly head: { readonly ref: string; readonly sha: string };
  readonly base: { readonly ref: string };
  readonly labels: readonly { readonly name?: string | undefined }[];
}

/** GitHub JSON → port shape. `merge_commit_sha` of an open PR is GitHub's test merge, so it is dropped. */
export function toPullRequest(data: GitHubPullData): PullRequest {
  const merged = data.merged === true || data.merged_at !== null;
  const state = merged ? 'merged' : data.state === 'closed' ? 'closed' : 'open';
  return {
    number: data.number,
    url: data.html_url,
    title: data.title,
    state,
    headBranch: data.head.ref,
    headSha: data.head.sha,
    baseBranch: data.base.ref,
    labels: data.labels.map((l) => l.name).filter((n): n is string => n !== undefined),
    mergeSha: merged ? (data.merge_commit_sha ?? undefined) : undefined,
    mergeable: state === 'open' ? data.mergeable : undefined,
  };
}
