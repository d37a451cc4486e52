import type { GitHubSpec } from './github-validate.js';
import type { GitHubState, StoredComment, StoredLabel, StoredPull } from './github-state.js';

/** A JSON object as the emulator sends it. */
export type Json = Record<string, unknown>;

/** Live facts of a pull request the JSON needs (read from the bare repo). */
export interface PullFacts {
  readonly headSha: string;
  readonly baseSha: string;
  readonly mergeable: boolean | null;
}

const clone = <T>(value: T): T => structuredClone(value);

/** Builds GitHub objects from the OpenAPI examples, overwriting what the emulator models. */
export function createGitHubJson(spec: GitHubSpec, state: GitHubState, baseUrl: string) {
  const example = (name: string): Json => clone((spec.components.examples?.[name]?.value ?? {}) as Json);
  const repoApi = `${baseUrl}/repos/${state.owner}/${state.repo}`;
  const web = `${baseUrl}/${state.owner}/${state.repo}`;

  const repository = (): Json => ({
    ...example('full-repository'),
    has_discussions: false,
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    default_branch: 'main',
    url: repoApi,
    html_url: web,
    clone_url: `${web}.git`,
    git_url: `${web}.git`,
    owner: { ...(example('full-repository')['owner'] as Json), login: state.owner },
  });

  const label = (l: StoredLabel): Json => ({
    ...example('label'),
    id: l.id,
    node_id: `LA_${l.id}`,
    url: `${repoApi}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    description: l.description,
    default: false,
  });

  const comment = (pull: StoredPull, c: StoredComment): Json => ({
    ...example('issue-comment'),
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoApi}/issues/comments/${c.id}`,
    html_url: `${web}/pull/${pull.number}#issuecomment-${c.id}`,
    issue_url: `${repoApi}/issues/${pull.number}`,
    body: c.body,
    created_at: c.createdAt,
    updated_at: c.createdAt,
    author_association: 'OWNER',
  });

  const branchRef = (branch: string, sha: string, base: Json): Json => ({
    ...base,
    label: `${state.owner}:${branch}`,
    ref: branch,
    sha,
    repo: repository(),
  });

  const pull = (p: StoredPull, facts: PullFacts): Json => {
    const ex = example('pull-request');
    const labels = p.labels
      .map((name) => state.labels.get(name.toLowerCase()))
      .filter((l) => l !== undefined)
      .map(label);
    const open = p.state === 'open';
    return {
      ...ex,
      id: 5000 + p.number,
      node_id: `PR_${p.number}`,
      number: p.number,
      state: p.state,
      title: p.title,
      body: p.body,
      draft: false,
      locked: false,
      url: `${repoApi}/pulls/${p.number}`,
      html_url: `${web}/pull/${p.number}`,
      issue_url: `${repoApi}/issues/${p.number}`,
      labels,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: open ? null : p.updatedAt,
      merged_at: p.mergedAt,
      merge_commit_sha: p.mergeSha,
      merged: p.merged,
      merged_by: p.merged ? ex['user'] : null,
      mergeable: open ? facts.mergeable : null,
      mergeable_state: !open ? 'unknown' : facts.mergeable === null ? 'unknown' : facts.mergeable ? 'clean' : 'dirty',
      rebaseable: open ? facts.mergeable : null,
      requested_reviewers: [],
      requested_teams: [],
      assignee: null,
      assignees: [],
      milestone: null,
      auto_merge: null,
      author_association: 'OWNER',
      comments: p.comments.length,
      review_comments: 0,
      commits: 1,
      additions: 1,
      deletions: 0,
      changed_files: 1,
      head: branchRef(p.head, facts.headSha, ex['head'] as Json),
      base: branchRef(p.base, facts.baseSha, ex['base'] as Json),
    };
  };

  const gitRef = (ref: string, sha: string): Json => ({
    ref: `refs/${ref}`,
    node_id: `REF_${ref}`,
    url: `${repoApi}/git/refs/${ref}`,
    object: { type: 'commit', sha, url: `${repoApi}/git/commits/${sha}` },
  });

  const error = (message: string, extra: Json = {}): Json => ({
    message,
    documentation_url: 'https://docs.github.com/rest',
    ...extra,
  });

  return { repository, label, comment, pull, gitRef, error };
}

/** The builder's type (routes receive it). */
export type GitHubJson = ReturnType<typeof createGitHubJson>;
