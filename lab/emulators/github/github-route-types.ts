import type { GitHubJson } from './github-json.js';
import type { BareRepo } from './github-repo.js';
import type { GitHubState, StoredPull } from './github-state.js';
import type { PullFacts } from './github-json.js';

/** What a route answers; `template` is the OpenAPI path the reply is validated against. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Everything a route handler may use. */
export interface RouteContext {
  readonly state: GitHubState;
  readonly repo: BareRepo;
  readonly json: GitHubJson;
  readonly now: () => string;
  /** Live head/base shas and mergeability (consumes lazy `null` reads). */
  readonly facts: (pull: StoredPull) => Promise<PullFacts>;
}

/** One request, path parameters decoded. */
export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface Route {
  readonly method: string;
  /** OpenAPI path template, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  readonly template: string;
  readonly handle: (ctx: RouteContext, req: RouteRequest) => Promise<Reply>;
}

/** `{o}/{r}` other than the emulated repository, or an unknown number. */
export const notFound = (ctx: RouteContext): Reply => ({ status: 404, body: ctx.json.error('Not Found') });

export const field = (body: unknown, key: string): unknown =>
  body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;

export const str = (body: unknown, key: string): string | undefined => {
  const value = field(body, key);
  return typeof value === 'string' ? value : undefined;
};
