import { issueRoutes } from './github-issue-routes.js';
import { pullRoutes } from './github-pull-routes.js';
import { notFound, type Reply, type Route, type RouteContext } from './github-route-types.js';
import { takeFault } from './github-state.js';

const routes: readonly Route[] = [...pullRoutes, ...issueRoutes];

const compiled = routes.map((route) => {
  const names: string[] = [];
  const source = route.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return name === 'ref' ? '(.+)' : '([^/]+)';
  });
  return { route, names, pattern: new RegExp(`^${source}$`) };
});

/** The matched route's template (for validation) and its reply. */
export interface Routed {
  readonly template?: string | undefined;
  readonly reply: Reply;
}

/** Injected faults as GitHub sends them (rate limits with their headers, 5xx). */
function faultReply(ctx: RouteContext, method: string, template: string): Reply | undefined {
  const fault = takeFault(ctx.state, `${method} ${template}`);
  if (fault === undefined) return undefined;
  if (fault.kind === 'server-error') return { status: fault.status, body: ctx.json.error('Server Error') };
  const reset = String(Math.ceil(Date.now() / 1000) + fault.waitSeconds);
  if (fault.kind === 'primary-rate-limit') {
    return {
      status: 403,
      body: ctx.json.error('API rate limit exceeded for user ID 1.'),
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-reset': reset,
        'x-ratelimit-resource': 'core',
      },
    };
  }
  return {
    status: 429,
    body: ctx.json.error('You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'),
    headers: { 'retry-after': String(fault.waitSeconds) },
  };
}

/** Routes one API request (path still percent-encoded, as Octokit sends `{ref}` as `heads%2Fmain`). */
export async function dispatchGitHub(
  ctx: RouteContext,
  method: string,
  rawPath: string,
  query: URLSearchParams,
  body: unknown,
): Promise<Routed> {
  for (const { route, names, pattern } of compiled) {
    const match = pattern.exec(rawPath);
    if (match === null || route.method !== method) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]));
    if (params['owner'] !== ctx.state.owner || params['repo'] !== ctx.state.repo)
      return { template: route.template, reply: notFound(ctx) };
    const fault = faultReply(ctx, method, route.template);
    if (fault !== undefined) return { template: route.template, reply: fault };
    return { template: route.template, reply: await route.handle(ctx, { params, query, body }) };
  }
  return { reply: notFound(ctx) };
}
