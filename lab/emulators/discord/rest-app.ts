import { apiError } from './http-io.js';
import type { Route, RouteContext, RouteResult } from './route.js';

type Json = Record<string, unknown>;

/**
 * Bulk overwrite, as Discord does: the set is replaced, ids stay stable by name.
 * `scope` is `global` or the guild id.
 */
function putCommands(ctx: RouteContext, scope: string): RouteResult {
  if (ctx.params['app'] !== ctx.ids.applicationId) return apiError(403, 50001, 'Missing Access');
  if (scope !== 'global' && scope !== ctx.ids.guildId) return apiError(404, 10004, 'Unknown Guild');
  const input = ctx.body.json;
  if (!Array.isArray(input)) return apiError(400, 50035, 'Invalid Form Body');
  const previous = ctx.state.commands.get(scope) ?? new Map<string, Json>();
  const next = new Map<string, Json>();
  for (const raw of input as Json[]) {
    const name = String(raw['name']);
    const old = previous.get(name);
    next.set(name, {
      id: old?.['id'] ?? ctx.state.nextId(),
      application_id: ctx.ids.applicationId,
      version: ctx.state.nextId(),
      type: raw['type'] ?? 1,
      name,
      description: raw['description'] ?? '',
      options: raw['options'] ?? [],
      default_member_permissions: raw['default_member_permissions'] ?? null,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      dm_permission: true,
      ...(scope === 'global' ? {} : { guild_id: scope }),
    });
  }
  ctx.state.commands.set(scope, next);
  return { status: 200, body: [...next.values()], schema: 'commandList' };
}

const listCommands = (ctx: RouteContext, scope: string): RouteResult => ({
  status: 200,
  body: [...(ctx.state.commands.get(scope)?.values() ?? [])],
  schema: 'commandList',
});

/** Gateway discovery and application command routes (bot-authenticated). */
export const appRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/gateway/bot',
    auth: true,
    handle: (ctx) => ({
      status: 200,
      schema: 'gatewayBot',
      body: {
        url: `${ctx.ids.baseUrl.replace(/^http/, 'ws')}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    }),
  },
  {
    method: 'PUT',
    pattern: '/applications/:app/guilds/:guild/commands',
    auth: true,
    handle: (ctx) => putCommands(ctx, ctx.params['guild'] ?? ''),
  },
  { method: 'PUT', pattern: '/applications/:app/commands', auth: true, handle: (ctx) => putCommands(ctx, 'global') },
  {
    method: 'GET',
    pattern: '/applications/:app/guilds/:guild/commands',
    auth: true,
    handle: (ctx) => listCommands(ctx, ctx.params['guild'] ?? ''),
  },
  { method: 'GET', pattern: '/applications/:app/commands', auth: true, handle: (ctx) => listCommands(ctx, 'global') },
];
