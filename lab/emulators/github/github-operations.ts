/** The GitHub REST operations the emulator serves (and the fixture keeps), as `method path-template`. */
export const GITHUB_OPERATIONS = [
  { method: 'get', path: '/repos/{owner}/{repo}' },
  { method: 'post', path: '/repos/{owner}/{repo}/pulls' },
  { method: 'get', path: '/repos/{owner}/{repo}/pulls' },
  { method: 'get', path: '/repos/{owner}/{repo}/pulls/{pull_number}' },
  { method: 'put', path: '/repos/{owner}/{repo}/pulls/{pull_number}/merge' },
  { method: 'post', path: '/repos/{owner}/{repo}/issues/{issue_number}/labels' },
  { method: 'get', path: '/repos/{owner}/{repo}/labels/{name}' },
  { method: 'post', path: '/repos/{owner}/{repo}/labels' },
  { method: 'post', path: '/repos/{owner}/{repo}/issues/{issue_number}/comments' },
  { method: 'get', path: '/repos/{owner}/{repo}/issues/{issue_number}/comments' },
  { method: 'get', path: '/repos/{owner}/{repo}/git/ref/{ref}' },
] as const;

/** OpenAPI examples the emulator builds its objects from (`components.examples`). */
export const GITHUB_EXAMPLES = ['pull-request', 'full-repository', 'label', 'issue-comment'] as const;
