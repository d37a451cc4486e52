import type { IncomingMessage } from 'node:http';
import type { Reply } from './overseerr-create.js';
import { matchRoute } from './overseerr-routes.js';
import { SEED_API_KEY } from './overseerr-seed.js';
import type { OverseerrState } from './overseerr-state.js';

/** A reply plus the spec path template it answers (undefined for unknown routes). */
export type RoutedReply = Reply & { readonly template?: string };

const DENIED = { status: 403, body: { status: 403, error: 'You do not have permission to access this endpoint' } };
const NOT_FOUND: RoutedReply = { status: 404, body: { message: 'Not found' } };

/** Auth (X-Api-Key, then X-Api-User as in server/middleware/auth.ts) and routing. */
export async function dispatchOverseerr(
  state: OverseerrState,
  req: IncomingMessage,
  body: unknown,
): Promise<RoutedReply> {
  const rawUrl = req.url ?? '/';
  const url = new URL(rawUrl, 'http://127.0.0.1');
  if (!url.pathname.startsWith('/api/v1/')) return NOT_FOUND;
  const match = matchRoute(req.method ?? 'GET', url.pathname.slice('/api/v1'.length));
  if (match === undefined) return NOT_FOUND;
  const template = match.route.template;
  const isPublic = template === '/status';
  if (!isPublic && req.headers['x-api-key'] !== SEED_API_KEY) return { ...DENIED, template };
  const userHeader = req.headers['x-api-user'];
  const acting = state.users.get(!isPublic && typeof userHeader === 'string' ? Number(userHeader) : 1);
  if (acting === undefined) return { ...DENIED, template };
  return {
    ...(await match.route.handle({ state, acting, url, rawUrl, id: match.id, param: match.param, body })),
    template,
  };
}
