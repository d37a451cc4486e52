import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EmulatorState, LoggedRequest } from './emulator-state.js';
import { readBody, sendJson, type ParsedBody } from './http-io.js';
import type { EmuIdentity } from './payloads.js';
import { appRoutes } from './rest-app.js';
import { channelRoutes } from './rest-channels.js';
import { interactionRoutes } from './rest-interactions.js';
import { matchRoute, type RouteResult } from './route.js';
import { auditMentions } from './mentions.js';
import { checkResponse } from './validate-response.js';

const routes = [...appRoutes, ...channelRoutes, ...interactionRoutes];

export interface ServerDeps {
  readonly state: EmulatorState;
  readonly ids: () => EmuIdentity;
  readonly token: string;
  readonly dispatch: (event: string, data: unknown) => void;
}

const rateLimited = {
  status: 429,
  headers: {
    'Retry-After': '0.2',
    'X-RateLimit-Limit': '5',
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset-After': '0.2',
    'X-RateLimit-Bucket': 'emu',
    'X-RateLimit-Scope': 'user',
  },
  body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
};

function takeFault(state: EmulatorState, method: string, path: string): number | undefined {
  const fault = state.faults.find((f) => f.remaining > 0 && f.match(method, path));
  if (fault === undefined) return undefined;
  fault.remaining -= 1;
  return fault.status;
}

function serveAttachment(state: EmulatorState, path: string, res: ServerResponse): void {
  const a = state.attachments.get(path.split('/')[2] ?? '');
  if (a === undefined) sendJson(res, 404, { message: 'Not Found', code: 0 });
  else res.writeHead(200, { 'Content-Type': a.contentType }).end(a.bytes);
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

async function decide(
  deps: ServerDeps,
  method: string,
  path: string,
  entry: LoggedRequest,
  body: ParsedBody,
): Promise<Reply> {
  const { state } = deps;
  const match = matchRoute(routes, method, path);
  if (match === undefined) return { status: 404, body: { message: '404: Not Found', code: 0 } };
  if (match.route.auth && !entry.authorized) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
  const fault = takeFault(state, method, path);
  if (fault === 429) return rateLimited;
  if (fault !== undefined) return { status: fault, body: { message: 'Injected server error', code: 0 } };
  const result: RouteResult = await match.route.handle({
    state,
    ids: deps.ids(),
    params: match.params,
    query: entry.query,
    body,
    dispatch: deps.dispatch,
  });
  const violations = result.schema === undefined ? [] : checkResponse(result.schema, result.body);
  if (violations.length === 0) return result;
  state.violations.push(...violations.map((v) => `${method} ${path} → ${v}`));
  return {
    status: 500,
    body: { message: `emulator response violates discord-api-spec: ${violations.join('; ')}`, code: 0 },
  };
}

/** Message-sending requests whose content is audited for mentions (create, edit, webhook, callback). */
function auditBody(state: EmulatorState, method: string, path: string, json: unknown): void {
  const body = json as Record<string, unknown> | undefined;
  const isCallback = /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path);
  const sends =
    (method === 'POST' || method === 'PATCH') &&
    (/^\/channels\/[^/]+\/messages(\/[^/]+)?$/.test(path) || path.startsWith('/webhooks/'));
  const data = isCallback ? (body?.['data'] as Record<string, unknown> | undefined) : sends ? body : undefined;
  const audit = auditMentions(`${method} ${path}`, data);
  if (audit !== undefined) state.mentions.push(audit);
}

/** Applies an `AckFault` to an interaction callback; true when the response was handled here. */
async function ackFault(
  deps: ServerDeps,
  res: ServerResponse,
  run: () => Promise<Reply>,
): Promise<Reply | 'handled' | undefined> {
  const fault = deps.state.ackFaults.find((f) => f.remaining > 0);
  if (fault === undefined) return undefined;
  fault.remaining -= 1;
  if (fault.kind === 'reset') {
    res.socket?.destroy();
    return 'handled';
  }
  if (fault.kind === 'silent') return 'handled';
  if (fault.kind === '500') return { status: 500, body: { message: 'Injected server error', code: 0 } };
  const reply = await run();
  if (fault.kind === 'reset-after') {
    res.socket?.destroy();
    return 'handled';
  }
  await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1_000));
  return reply;
}

async function handleApi(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const versioned = url.pathname.startsWith('/api/v10/');
  const path = versioned ? decodeURIComponent(url.pathname.slice('/api/v10'.length)) : `/unversioned${url.pathname}`;
  const body = await readBody(req);
  const authorized = req.headers.authorization === `Bot ${deps.token}`;
  const entry: LoggedRequest = {
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    authorized,
    json: body.json,
    files: body.files,
    status: 0,
  };
  deps.state.requests.push(entry);
  auditBody(deps.state, method, path, body.json);
  const run = () => decide(deps, method, path, entry, body);
  const faulted =
    method === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)
      ? await ackFault(deps, res, run)
      : undefined;
  if (faulted === 'handled') {
    deps.state.events.emit('change');
    return;
  }
  const reply = faulted ?? (await run());
  entry.status = reply.status;
  sendJson(res, reply.status, reply.body, reply.headers);
  deps.state.events.emit('change');
}

/** The emulator's HTTP server: `/api/v10/...` REST, `/att/{id}/{name}` attachment downloads. */
export function createEmulatorServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/att/')) {
      serveAttachment(deps.state, url.pathname, res);
      return;
    }
    handleApi(deps, req, res, url).catch((error: unknown) => {
      deps.state.violations.push(`emulator crashed on ${req.method ?? ''} ${url.pathname}: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { message: 'emulator error', code: 0 });
    });
  });
}
