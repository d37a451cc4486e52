import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBody, stringArg, tokenOf } from './slack-parse.js';
import type { SlackFault, SlackStore } from './slack-store.js';
import { webApiMethods } from './slack-web-api.js';
import { contentOf, fakeIds, type WebApiContext } from './slack-web-common.js';
import { receiveUpload } from './slack-web-files.js';

export interface ServerContext extends WebApiContext {
  readonly botToken: string;
  readonly appToken?: string;
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
};

/**
 * Routes one request: `/api/<method>` (always HTTP 200; errors as `{ok:false}` because the
 * WebClient retries other statuses for ~30 min), `/upload/v1/<file>` and `/response/<id>`.
 */
export async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: ServerContext): Promise<void> {
  const path = new URL(req.url ?? '/', ctx.baseUrl).pathname;
  const body = await parseBody(req);
  const token = tokenOf(req, body.fields);
  ctx.store.record({
    path,
    method: req.method ?? 'GET',
    args: body.fields,
    ...(token === undefined ? {} : { authorization: token }),
  });
  if (path.startsWith('/api/')) {
    const method = path.slice('/api/'.length);
    const fault = ctx.store.takeFault(method);
    if (fault === undefined) json(res, 200, callMethod(method, body.fields, token, ctx));
    else sendFault(res, fault);
  } else if (path.startsWith('/upload/v1/')) {
    if (token !== ctx.botToken) return void res.writeHead(401).end('invalid_auth');
    const { status, text } = receiveUpload(ctx.store, path.slice('/upload/v1/'.length), body);
    res.writeHead(status, { 'Content-Type': 'text/plain' }).end(text);
  } else if (path.startsWith('/response/')) {
    const status = respond(ctx.store, path.slice('/response/'.length), body.fields);
    json(res, status, status === 200 ? { ok: true } : { ok: false, error: 'expired_url' });
  } else {
    json(res, 404, { ok: false, error: 'unknown_path' });
  }
}

function sendFault(res: ServerResponse, fault: SlackFault): void {
  if (fault.kind === 'error') {
    json(res, 200, { ok: false, error: fault.error });
    return;
  }
  if (fault.kind === 'http') {
    json(res, fault.status, { ok: false, error: 'fake_http_fault' });
    return;
  }
  res
    .writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(fault.retryAfterSeconds) })
    .end(JSON.stringify({ ok: false, error: 'ratelimited' }));
}

function callMethod(
  method: string,
  args: Record<string, unknown>,
  token: string | undefined,
  ctx: ServerContext,
): unknown {
  if (method === 'apps.connections.open') {
    return token !== undefined && token === ctx.appToken
      ? { ok: true, url: ctx.socketUrl() }
      : { ok: false, error: 'invalid_auth' };
  }
  if (token !== ctx.botToken) return { ok: false, error: token === undefined ? 'not_authed' : 'invalid_auth' };
  const handler = webApiMethods[method];
  if (handler === undefined) return { ok: false, error: 'unknown_method' };
  try {
    return handler(args, ctx);
  } catch (error) {
    return { ok: false, error: `fake_internal_error: ${String(error)}` };
  }
}

// Real Slack: a response_url works 5 times within 30 minutes.
const maxResponseUses = 5;

/** A `response_url` POST: ephemeral answers become messages only the invoker sees. */
function respond(store: SlackStore, id: string, fields: Record<string, unknown>): number {
  const target = store.responseTargets.get(id);
  if (target === undefined || store.responseUrlsExpired || target.uses >= maxResponseUses) return 404;
  target.uses += 1;
  store.responses.push({ id, body: fields });
  const content = contentOf(fields);
  const replace = fields['replace_original'] === true && target.messageTs !== undefined;
  const original = replace ? store.findMessage(target.channel, target.messageTs ?? '') : undefined;
  if (typeof content !== 'string' && original !== undefined) {
    original.text = content.text;
    original.blocks = content.blocks;
    original.edits += 1;
  } else if (typeof content !== 'string' && stringArg(fields['response_type']) !== 'in_channel') {
    store.addMessage({
      channel: target.channel,
      ...content,
      user: fakeIds.botUserId,
      botId: fakeIds.botId,
      fileIds: [],
      ephemeralTo: target.user,
    });
  } else if (typeof content !== 'string') {
    store.addMessage({
      channel: target.channel,
      ...content,
      user: fakeIds.botUserId,
      botId: fakeIds.botId,
      fileIds: [],
    });
  }
  store.changed();
  return 200;
}
