import {
  field,
  notFound,
  str,
  type Reply,
  type Route,
  type RouteContext,
  type RouteRequest,
} from './github-route-types.js';
import type { StoredPull } from './github-state.js';

const invalid = (ctx: RouteContext, errors: object[]): Reply => ({
  status: 422,
  body: ctx.json.error('Validation Failed', { errors, status: '422' }),
});

const pullOf = (ctx: RouteContext, req: RouteRequest): StoredPull | undefined =>
  ctx.state.pulls.get(Number(req.params['pull_number']));

async function create(ctx: RouteContext, req: RouteRequest): Promise<Reply> {
  const title = str(req.body, 'title');
  const head = (str(req.body, 'head') ?? '').replace(new RegExp(`^${ctx.state.owner}:`), '');
  const base = str(req.body, 'base') ?? '';
  if (title === undefined || title === '')
    return invalid(ctx, [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
  const headSha = await ctx.repo.branchSha(head);
  const baseSha = await ctx.repo.branchSha(base);
  if (headSha === undefined) return invalid(ctx, [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
  if (baseSha === undefined) return invalid(ctx, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
  if ([...ctx.state.pulls.values()].some((p) => p.state === 'open' && p.head === head && p.base === base)) {
    return invalid(ctx, [
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${ctx.state.owner}:${head}.`,
      },
    ]);
  }
  if (await ctx.repo.isAncestor(headSha, baseSha))
    return invalid(ctx, [
      { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` },
    ]);
  const body = str(req.body, 'body') ?? null;
  const pull: StoredPull = {
    number: ctx.state.nextNumber++,
    title,
    body,
    head,
    base,
    state: 'open',
    merged: false,
    mergeSha: null,
    mergedAt: null,
    labels: [],
    comments: [],
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
    nullReads: 0,
  };
  ctx.state.pulls.set(pull.number, pull);
  return { status: 201, body: ctx.json.pull(pull, await ctx.facts(pull)) };
}

async function list(ctx: RouteContext, req: RouteRequest): Promise<Reply> {
  const state = req.query.get('state') ?? 'open';
  const head = req.query.get('head')?.replace(new RegExp(`^${ctx.state.owner}:`), '');
  const base = req.query.get('base');
  const perPage = Math.min(Number(req.query.get('per_page') ?? '30'), 100);
  const page = Number(req.query.get('page') ?? '1');
  const all = [...ctx.state.pulls.values()]
    .filter(
      (p) =>
        (state === 'all' || p.state === state) &&
        (head == null || p.head === head) &&
        (base == null || p.base === base),
    )
    .sort((a, b) => b.number - a.number);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  const body = await Promise.all(slice.map(async (p) => ctx.json.pull(p, await ctx.facts(p))));
  const next = new URLSearchParams(req.query);
  next.set('page', String(page + 1));
  const more = all.length > page * perPage;
  const link = `<${ctx.json.repository()['url'] as string}/pulls?${next.toString()}>; rel="next"`;
  return { status: 200, body, ...(more ? { headers: { link } } : {}) };
}

async function get(ctx: RouteContext, req: RouteRequest): Promise<Reply> {
  const pull = pullOf(ctx, req);
  return pull === undefined ? notFound(ctx) : { status: 200, body: ctx.json.pull(pull, await ctx.facts(pull)) };
}

const notMergeable = (ctx: RouteContext): Reply => ({
  status: 405,
  body: ctx.json.error('Pull Request is not mergeable'),
});

async function merge(ctx: RouteContext, req: RouteRequest): Promise<Reply> {
  const pull = pullOf(ctx, req);
  if (pull === undefined) return notFound(ctx);
  if (pull.state !== 'open') return notMergeable(ctx);
  const method = str(req.body, 'merge_method') ?? 'merge';
  if (method !== 'merge')
    return { status: 405, body: ctx.json.error(`Merge method ${method} is not allowed on this repository`) };
  const headSha = await ctx.repo.branchSha(pull.head);
  const baseSha = await ctx.repo.branchSha(pull.base);
  if (headSha === undefined || baseSha === undefined) return notMergeable(ctx);
  const sha = field(req.body, 'sha');
  if (typeof sha === 'string' && sha !== headSha)
    return { status: 409, body: ctx.json.error('Head branch was modified. Review and try the merge again.') };
  const title =
    str(req.body, 'commit_title') ?? `Merge pull request #${pull.number} from ${ctx.state.owner}/${pull.head}`;
  const message = str(req.body, 'commit_message') ?? pull.title;
  const mergeSha = await ctx.repo.mergeNoFf(pull.base, baseSha, headSha, `${title}\n\n${message}`);
  if (mergeSha === undefined) return notMergeable(ctx);
  Object.assign(pull, {
    state: 'closed',
    merged: true,
    mergeSha,
    mergedAt: ctx.now(),
    updatedAt: ctx.now(),
    frozenHeadSha: headSha,
    frozenBaseSha: baseSha,
  });
  return { status: 200, body: { sha: mergeSha, merged: true, message: 'Pull Request successfully merged' } };
}

/** Pull-request endpoints. */
export const pullRoutes: readonly Route[] = [
  { method: 'POST', template: '/repos/{owner}/{repo}/pulls', handle: create },
  { method: 'GET', template: '/repos/{owner}/{repo}/pulls', handle: list },
  { method: 'GET', template: '/repos/{owner}/{repo}/pulls/{pull_number}', handle: get },
  { method: 'PUT', template: '/repos/{owner}/{repo}/pulls/{pull_number}/merge', handle: merge },
];
