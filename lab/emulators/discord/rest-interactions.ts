import { performance } from 'node:perf_hooks';
import type { StoredInteraction } from './emulator-state.js';
import { apiError } from './http-io.js';
import { createMessage, editMessage } from './message-store.js';
import { messageObject } from './payloads.js';
import type { Route, RouteContext, RouteResult } from './route.js';

type Json = Record<string, unknown> | undefined;
const unknownInteraction = apiError(404, 10062, 'Unknown interaction');
const unknownMessage = apiError(404, 10008, 'Unknown Message');
/** What Discord answers on the webhook routes once an interaction token is older than 15 minutes. */
const invalidWebhookToken = apiError(401, 50027, 'Invalid Webhook Token');

const byToken = (ctx: RouteContext): StoredInteraction | undefined =>
  [...ctx.state.interactions.values()].find(
    (i) => i.token === ctx.params['token'] && ctx.params['app'] === ctx.ids.applicationId,
  );

/** The interaction of a webhook route's token: unknown (404), expired (401), or the interaction. */
function webhookInteraction(ctx: RouteContext): StoredInteraction | RouteResult {
  const i = byToken(ctx);
  if (i === undefined) return unknownInteraction;
  return Date.now() > i.tokenExpiresAt ? invalidWebhookToken : i;
}

const isResult = (v: StoredInteraction | RouteResult): v is RouteResult => 'status' in v;

const messageResult = (ctx: RouteContext, id: string | null): RouteResult => {
  const m = id === null ? undefined : ctx.state.messages.get(id);
  return m === undefined
    ? unknownMessage
    : { status: 200, body: messageObject(ctx.ids, m, ctx.state.users), schema: 'message' };
};

/** Applies an acknowledgement: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 9 modal. */
function applyCallback(ctx: RouteContext, i: StoredInteraction, type: number, data: Json): void {
  const ephemeralFlags = Number(data?.['flags'] ?? 0) & 64;
  const replyType = i.type === 2 ? 20 : 19;
  if (type === 4 || type === 5) {
    const input = {
      channelId: i.channelId,
      authorId: ctx.ids.botId,
      webhookId: ctx.ids.applicationId,
      type: replyType,
      flags: ephemeralFlags | (type === 5 ? 128 : 0),
    };
    i.originalMessageId = createMessage(
      ctx.state,
      input,
      type === 4 ? data : undefined,
      type === 4 ? ctx.body.files : [],
    ).id;
    return;
  }
  if (type === 6 || type === 7) i.originalMessageId = i.componentMessageId;
  const m = i.componentMessageId === null ? undefined : ctx.state.messages.get(i.componentMessageId);
  if (type === 7 && m !== undefined) editMessage(ctx.state, m, data, ctx.body.files);
}

function callbackBody(ctx: RouteContext, i: StoredInteraction, type: number) {
  const m = i.originalMessageId === null ? undefined : ctx.state.messages.get(i.originalMessageId);
  const resource =
    (type === 4 || type === 7) && m !== undefined
      ? { resource: { type, message: messageObject(ctx.ids, m, ctx.state.users) } }
      : {};
  return {
    interaction: {
      id: i.id,
      type: i.type,
      activity_instance_id: null,
      response_message_id: i.originalMessageId,
      response_message_loading: type === 5,
      response_message_ephemeral: m !== undefined && (m.flags & 64) !== 0,
    },
    ...resource,
  };
}

function callback(ctx: RouteContext): RouteResult {
  const i = ctx.state.interactions.get(ctx.params['id'] ?? '');
  if (i === undefined || i.token !== ctx.params['token']) return unknownInteraction;
  if (i.callback !== null) {
    // Every gateway session of the shard gets INTERACTION_CREATE; only the first callback counts.
    ctx.state.refusedCallbacks.push({ interactionId: i.id, code: 40060 });
    return apiError(400, 40060, 'Interaction has already been acknowledged.');
  }
  const json = ctx.body.json as Json;
  const type = Number(json?.['type']);
  if (![4, 5, 6, 7, 9].includes(type)) return apiError(400, 50035, 'Invalid Form Body');
  const data = json?.['data'] as Json;
  i.callback = { interactionId: i.id, type, data, at: performance.now() };
  ctx.state.callbacks.push(i.callback);
  applyCallback(ctx, i, type, data);
  if (ctx.query['with_response'] !== 'true') return { status: 204 };
  return { status: 200, body: callbackBody(ctx, i, type), schema: 'callback' };
}

function targetId(ctx: RouteContext, i: StoredInteraction): string | null {
  const id = ctx.params['message'] ?? '';
  return id === '@original' ? i.originalMessageId : id;
}

function patchWebhookMessage(ctx: RouteContext): RouteResult {
  const i = webhookInteraction(ctx);
  if (isResult(i)) return i;
  const id = targetId(ctx, i);
  const m = id === null ? undefined : ctx.state.messages.get(id);
  if (m === undefined) return unknownMessage;
  editMessage(ctx.state, m, ctx.body.json as Json, ctx.body.files);
  return messageResult(ctx, m.id);
}

function followUp(ctx: RouteContext): RouteResult {
  const i = webhookInteraction(ctx);
  if (isResult(i)) return i;
  if (i.callback === null) return unknownInteraction;
  const json = ctx.body.json as Json;
  const channelId = ctx.query['thread_id'] ?? i.channelId;
  const input = {
    channelId,
    authorId: ctx.ids.botId,
    webhookId: ctx.ids.applicationId,
    flags: Number(json?.['flags'] ?? 0) & 64,
  };
  return messageResult(ctx, createMessage(ctx.state, input, json, ctx.body.files).id);
}

/**
 * Interaction callbacks and interaction webhooks: no Authorization header, the token is in the
 * path; the webhook routes refuse a token older than 15 minutes (401, code 50027).
 */
export const interactionRoutes: readonly Route[] = [
  { method: 'POST', pattern: '/interactions/:id/:token/callback', auth: false, handle: callback },
  {
    method: 'GET',
    pattern: '/webhooks/:app/:token/messages/:message',
    auth: false,
    handle: (ctx) => {
      const i = webhookInteraction(ctx);
      return isResult(i) ? i : messageResult(ctx, targetId(ctx, i));
    },
  },
  { method: 'PATCH', pattern: '/webhooks/:app/:token/messages/:message', auth: false, handle: patchWebhookMessage },
  {
    method: 'DELETE',
    pattern: '/webhooks/:app/:token/messages/:message',
    auth: false,
    handle: (ctx) => {
      const i = webhookInteraction(ctx);
      if (isResult(i)) return i;
      const id = targetId(ctx, i);
      return id !== null && ctx.state.messages.delete(id) ? { status: 204 } : unknownMessage;
    },
  },
  { method: 'POST', pattern: '/webhooks/:app/:token', auth: false, handle: followUp },
];
