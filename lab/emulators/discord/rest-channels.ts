import type { StoredChannel } from './emulator-state.js';
import { apiError } from './http-io.js';
import { createMessage, editMessage, messagesIn } from './message-store.js';
import { dmChannelObject, messageObject, textChannelObject, threadObject } from './payloads.js';
import type { Route, RouteContext, RouteResult } from './route.js';

type Json = Record<string, unknown> | undefined;
/** Discord checks nonce uniqueness "in the past few minutes". */
const nonceWindowMs = 5 * 60_000;
const unknownChannel = apiError(404, 10003, 'Unknown Channel');
const unknownMessage = apiError(404, 10008, 'Unknown Message');

const messageResult = (ctx: RouteContext, id: string, status = 200): RouteResult => {
  const m = ctx.state.messages.get(id);
  return m === undefined
    ? unknownMessage
    : { status, body: messageObject(ctx.ids, m, ctx.state.users), schema: 'message' };
};

function channelResult(ctx: RouteContext, c: StoredChannel): RouteResult {
  if (c.type === 0) return { status: 200, body: textChannelObject(ctx.ids, c), schema: 'guildChannel' };
  const recipient = c.recipientId === null ? undefined : ctx.state.users.get(c.recipientId);
  if (c.type === 1 && recipient !== undefined)
    return { status: 200, body: dmChannelObject(c, recipient), schema: 'dmChannel' };
  return { status: 200, body: threadObject(ctx.ids, c, messagesIn(ctx.state, c.id).length), schema: 'thread' };
}

function postMessage(ctx: RouteContext): RouteResult {
  const channelId = ctx.params['channel'] ?? '';
  if (!ctx.state.channels.has(channelId)) return unknownChannel;
  const json = ctx.body.json as Json;
  const content = typeof json?.['content'] === 'string' ? json['content'] : '';
  if (content.length > 2000) {
    return {
      status: 400,
      body: {
        message: 'Invalid Form Body',
        code: 50035,
        errors: {
          content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
        },
      },
    };
  }
  // enforce_nonce: the same author and nonce within a few minutes returns the first message.
  const nonce =
    json?.['enforce_nonce'] === true && (typeof json['nonce'] === 'string' || typeof json['nonce'] === 'number')
      ? String(json['nonce'])
      : undefined;
  const earlier = nonce === undefined ? undefined : ctx.state.nonces.get(nonce);
  if (earlier !== undefined && Date.now() - earlier.at < nonceWindowMs && ctx.state.messages.has(earlier.messageId))
    return messageResult(ctx, earlier.messageId);
  const m = createMessage(ctx.state, { channelId, authorId: ctx.ids.botId }, json, ctx.body.files);
  if (nonce !== undefined) ctx.state.nonces.set(nonce, { messageId: m.id, at: Date.now() });
  return messageResult(ctx, m.id);
}

function patchMessage(ctx: RouteContext): RouteResult {
  const m = ctx.state.messages.get(ctx.params['message'] ?? '');
  if (m === undefined || m.channelId !== ctx.params['channel']) return unknownMessage;
  editMessage(ctx.state, m, ctx.body.json as Json, ctx.body.files);
  return messageResult(ctx, m.id);
}

function createThread(ctx: RouteContext, parentId: string, id: string, type: 11 | 12): StoredChannel {
  const json = ctx.body.json as Json;
  const name = typeof json?.['name'] === 'string' ? json['name'] : 'thread';
  const thread: StoredChannel = { id, type, name, parentId, recipientId: null, createdAt: new Date().toISOString() };
  ctx.state.channels.set(id, thread);
  // Real Discord tells gateway clients (Guilds intent) about new threads.
  ctx.dispatch('THREAD_CREATE', { ...threadObject(ctx.ids, thread, 0), newly_created: true });
  return thread;
}

function threadFromMessage(ctx: RouteContext): RouteResult {
  const m = ctx.state.messages.get(ctx.params['message'] ?? '');
  if (m === undefined || m.channelId !== ctx.params['channel']) return unknownMessage;
  if (m.threadId !== null) return apiError(400, 160004, 'A thread has already been created for this message');
  const thread = createThread(ctx, m.channelId, m.id, 11);
  m.threadId = thread.id;
  return { status: 201, body: threadObject(ctx.ids, thread, 0), schema: 'createdThread' };
}

function threadWithoutMessage(ctx: RouteContext): RouteResult {
  const parent = ctx.state.channels.get(ctx.params['channel'] ?? '');
  if (parent?.type !== 0) return unknownChannel;
  const type = (ctx.body.json as Json)?.['type'] === 12 ? 12 : 11;
  const thread = createThread(ctx, parent.id, ctx.state.nextId(), type);
  return { status: 201, body: threadObject(ctx.ids, thread, 0), schema: 'createdThread' };
}

function openDm(ctx: RouteContext): RouteResult {
  const raw = (ctx.body.json as Json)?.['recipient_id'];
  const recipientId = typeof raw === 'string' ? raw : '';
  const user = ctx.state.users.get(recipientId);
  if (user === undefined) return apiError(400, 50007, 'Cannot send messages to this user');
  const existing = [...ctx.state.channels.values()].find((c) => c.type === 1 && c.recipientId === recipientId);
  const dm = existing ?? {
    id: ctx.state.nextId(),
    type: 1 as const,
    name: '',
    parentId: null,
    recipientId,
    createdAt: new Date().toISOString(),
  };
  ctx.state.channels.set(dm.id, dm);
  return { status: 200, body: dmChannelObject(dm, user), schema: 'dmChannel' };
}

/** Channel, message, thread and DM routes (all bot-authenticated). */
export const channelRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/channels/:channel',
    auth: true,
    handle: (ctx) => {
      const c = ctx.state.channels.get(ctx.params['channel'] ?? '');
      return c === undefined ? unknownChannel : channelResult(ctx, c);
    },
  },
  {
    method: 'GET',
    pattern: '/channels/:channel/messages',
    auth: true,
    handle: (ctx) => ({
      status: 200,
      schema: 'messageList',
      body: messagesIn(ctx.state, ctx.params['channel'] ?? '')
        .reverse()
        .map((m) => messageObject(ctx.ids, m, ctx.state.users)),
    }),
  },
  { method: 'POST', pattern: '/channels/:channel/messages', auth: true, handle: postMessage },
  {
    method: 'GET',
    pattern: '/channels/:channel/messages/:message',
    auth: true,
    handle: (ctx) => messageResult(ctx, ctx.params['message'] ?? ''),
  },
  { method: 'PATCH', pattern: '/channels/:channel/messages/:message', auth: true, handle: patchMessage },
  {
    method: 'DELETE',
    pattern: '/channels/:channel/messages/:message',
    auth: true,
    handle: (ctx) => (ctx.state.messages.delete(ctx.params['message'] ?? '') ? { status: 204 } : unknownMessage),
  },
  { method: 'POST', pattern: '/channels/:channel/messages/:message/threads', auth: true, handle: threadFromMessage },
  { method: 'POST', pattern: '/channels/:channel/threads', auth: true, handle: threadWithoutMessage },
  { method: 'POST', pattern: '/channels/:channel/typing', auth: true, handle: () => ({ status: 204 }) },
  { method: 'POST', pattern: '/users/@me/channels', auth: true, handle: openDm },
];
