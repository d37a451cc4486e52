import {
  field,
  notFound,
  str,
  type Reply,
  type Route,
  type RouteContext,
  type RouteRequest,
} from './github-route-types.js';
import { ensureLabel, type StoredPull } from './github-state.js';

const issueOf = (ctx: RouteContext, req: RouteRequest): StoredPull | undefined =>
  ctx.state.pulls.get(Number(req.params['issue_number']));

/** `{labels:["a"]}`, `{labels:[{name:"a"}]}` or a bare array, as GitHub accepts. */
function labelNames(body: unknown): string[] | undefined {
  const raw = Array.isArray(body) ? body : field(body, 'labels');
  if (!Array.isArray(raw)) return undefined;
  const names = raw.map((item: unknown) => (typeof item === 'string' ? item : str(item, 'name')));
  return names.every((n): n is string => typeof n === 'string' && n !== '') ? names : undefined;
}

function addLabels(ctx: RouteContext, req: RouteRequest): Promise<Reply> {
  const issue = issueOf(ctx, req);
  if (issue === undefined) return Promise.resolve(notFound(ctx));
  const names = labelNames(req.body);
  if (names === undefined)
    return Promise.resolve({
      status: 422,
      body: ctx.json.error('Validation Failed', {
        errors: [{ resource: 'Label', field: 'labels', code: 'invalid' }],
        status: '422',
      }),
    });
  for (const name of names) {
    const label = ensureLabel(ctx.state, name);
    if (!issue.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) issue.labels.push(label.name);
  }
  issue.updatedAt = ctx.now();
  const body = issue.labels
    .map((n) => ctx.state.labels.get(n.toLowerCase()))
    .filter((l) => l !== undefined)
    .map(ctx.json.label);
  return Promise.resolve({ status: 200, body });
}

function getLabel(ctx: RouteContext, req: RouteRequest): Promise<Reply> {
  const label = ctx.state.labels.get((req.params['name'] ?? '').toLowerCase());
  return Promise.resolve(label === undefined ? notFound(ctx) : { status: 200, body: ctx.json.label(label) });
}

function createLabel(ctx: RouteContext, req: RouteRequest): Promise<Reply> {
  const name = str(req.body, 'name');
  if (name === undefined || name === '') {
    return Promise.resolve({
      status: 422,
      body: ctx.json.error('Validation Failed', {
        errors: [{ resource: 'Label', field: 'name', code: 'missing_field' }],
        status: '422',
      }),
    });
  }
  if (ctx.state.labels.has(name.toLowerCase())) {
    return Promise.resolve({
      status: 422,
      body: ctx.json.error('Validation Failed', {
        errors: [{ resource: 'Label', field: 'name', code: 'already_exists' }],
        status: '422',
      }),
    });
  }
  const label = {
    id: ctx.state.nextId++,
    name,
    color: (str(req.body, 'color') ?? 'ededed').replace(/^#/, ''),
    description: str(req.body, 'description') ?? null,
  };
  ctx.state.labels.set(name.toLowerCase(), label);
  return Promise.resolve({ status: 201, body: ctx.json.label(label) });
}

function createComment(ctx: RouteContext, req: RouteRequest): Promise<Reply> {
  const issue = issueOf(ctx, req);
  if (issue === undefined) return Promise.resolve(notFound(ctx));
  const text = str(req.body, 'body');
  if (text === undefined || text === '') {
    return Promise.resolve({
      status: 422,
      body: ctx.json.error('Validation Failed', {
        errors: [{ resource: 'IssueComment', field: 'body', code: 'missing_field' }],
        status: '422',
      }),
    });
  }
  const comment = { id: ctx.state.nextId++, body: text, createdAt: ctx.now() };
  issue.comments.push(comment);
  return Promise.resolve({ status: 201, body: ctx.json.comment(issue, comment) });
}

function listComments(ctx: RouteContext, req: RouteRequest): Promise<Reply> {
  const issue = issueOf(ctx, req);
  return Promise.resolve(
    issue === undefined ? notFound(ctx) : { status: 200, body: issue.comments.map((c) => ctx.json.comment(issue, c)) },
  );
}

async function getRef(ctx: RouteContext, req: RouteRequest): Promise<Reply> {
  const ref = req.params['ref'] ?? '';
  const sha = ref.startsWith('heads/') ? await ctx.repo.branchSha(ref.slice('heads/'.length)) : undefined;
  return sha === undefined ? notFound(ctx) : { status: 200, body: ctx.json.gitRef(ref, sha) };
}

/** Repository, label, comment and ref endpoints. */
export const issueRoutes: readonly Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}',
    handle: (ctx) => Promise.resolve({ status: 200, body: ctx.json.repository() }),
  },
  { method: 'POST', template: '/repos/{owner}/{repo}/issues/{issue_number}/labels', handle: addLabels },
  { method: 'GET', template: '/repos/{owner}/{repo}/labels/{name}', handle: getLabel },
  { method: 'POST', template: '/repos/{owner}/{repo}/labels', handle: createLabel },
  { method: 'POST', template: '/repos/{owner}/{repo}/issues/{issue_number}/comments', handle: createComment },
  { method: 'GET', template: '/repos/{owner}/{repo}/issues/{issue_number}/comments', handle: listComments },
  { method: 'GET', template: '/repos/{owner}/{repo}/git/ref/{ref}', handle: getRef },
];
