import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../loopback-listener.js';
import { dispatchOverseerr, type RoutedReply } from './overseerr-dispatch.js';
import { SEED_API_KEY } from './overseerr-seed.js';
import {
  createOverseerrState,
  ensureMedia,
  type ArrServerEntry,
  type OverseerrState,
  type StoredRequest,
} from './overseerr-state.js';
import { createResponseChecker, JELLYSEERR_SPEC_PATH, OVERSEERR_SPEC_PATH } from './overseerr-validate.js';
import { issueWebhookBody, type IssueWebhookType } from './overseerr-issue-hooks.js';
import { sendWebhook, webhookBody, type WebhookType } from './overseerr-notify-hooks.js';

/** One logged HTTP exchange. `rawUrl` is exactly what the client sent (to assert encoding). */
export interface LoggedCall {
  readonly method: string;
  readonly rawUrl: string;
  readonly apiUser: string | undefined;
  readonly hadApiKey: boolean;
  readonly body: unknown;
  readonly status: number;
}

/** A running emulator plus its control API. */
export interface OverseerrEmulator {
  /** Base URL without `/api/v1`. */
  readonly url: string;
  readonly flavor: 'overseerr' | 'jellyseerr';
  readonly apiKey: string;
  readonly state: OverseerrState;
  /** Stored media requests (live view). */
  readonly requests: readonly StoredRequest[];
  readonly log: readonly LoggedCall[];
  /** Responses that did not match the OpenAPI schema of their operation/status. */
  readonly violations: readonly string[];
  /** Replies whose status the spec does not document (e.g. 202/403/409 on POST /request). */
  readonly undocumented: readonly string[];
  /** Requests (path parameters, JSON bodies) that did not match their operation in the spec. */
  readonly requestViolations: readonly string[];
  /** Webhooks the agent sent (type and the bot's answer), once `setWebhook` is called. */
  readonly webhooks: readonly { readonly type: string; readonly status: number }[];
  /**
   * Turns on the webhook agent (Settings → Notifications → Webhook): every request/issue change
   * posts the default JSON template to `url` with `Authorization: authorization`, after the reply.
   */
  setWebhook(url: string, authorization: string): void;
  setMediaStatus(tmdbId: number, status: number): void;
  /** Edits Overseerr's (non-4K unless `is4k`) Radarr/Sonarr server entry, e.g. to point it at an emulator. */
  setArrServer(kind: 'radarr' | 'sonarr', patch: Partial<Omit<ArrServerEntry, 'id' | 'is4k'>>, is4k?: boolean): void;
  /** Stops listening (connection refused) / listens again on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** While on, requests are accepted and never answered (client timeouts). */
  hang(on: boolean): void;
  /** The next `times` calls of `METHOD path` get `status` (as a proxy in front of a restarting Overseerr would). */
  failNext(method: string, path: string, status: number, times?: number): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

interface Recorder {
  readonly checker: ReturnType<typeof createResponseChecker>;
  readonly log: LoggedCall[];
  readonly violations: string[];
  readonly undocumented: string[];
  readonly requestViolations: string[];
}

/** Validates the reply against the spec (documented statuses only) and logs the exchange. */
function record(r: Recorder, req: IncomingMessage, reply: RoutedReply, body: unknown): void {
  const method = req.method ?? 'GET';
  if (reply.template !== undefined) {
    const path = new URL(req.url ?? '/', 'http://x').pathname.slice('/api/v1'.length);
    r.requestViolations.push(...r.checker.checkRequest(method, reply.template, path, body));
    if (r.checker.documented(method, reply.template, reply.status))
      r.violations.push(...r.checker.check(method, reply.template, reply.status, reply.body));
    else r.undocumented.push(`${method} ${reply.template} ${reply.status}`);
  }
  const apiUser = req.headers['x-api-user'];
  r.log.push({
    method,
    rawUrl: req.url ?? '/',
    apiUser: typeof apiUser === 'string' ? apiUser : undefined,
    hadApiKey: req.headers['x-api-key'] !== undefined,
    body,
    status: reply.status,
  });
}

/** Which server to be: Overseerr (default), or its fork Jellyseerr (validated against jellyseerr-api.yml). */
export interface OverseerrEmulatorOptions {
  readonly flavor?: 'overseerr' | 'jellyseerr';
}

/** Starts the emulator on 127.0.0.1 and a free port. */
export async function startOverseerrEmulator(options: OverseerrEmulatorOptions = {}): Promise<OverseerrEmulator> {
  const flavor = options.flavor ?? 'overseerr';
  const state = createOverseerrState(undefined, flavor);
  const log: LoggedCall[] = [];
  const violations: string[] = [];
  const undocumented: string[] = [];
  const requestViolations: string[] = [];
  const webhooks: { type: string; status: number }[] = [];
  let hook: { url: string; authorization: string } | undefined;
  const checker = createResponseChecker(flavor === 'jellyseerr' ? JELLYSEERR_SPEC_PATH : OVERSEERR_SPEC_PATH);
  /** Posts the queued notifications one after another (Overseerr's agent sends them after the reply). */
  let sending = Promise.resolve();
  const flushEvents = () => {
    const due = state.events.splice(0);
    if (hook === undefined) return;
    const target = hook;
    for (const e of due) {
      sending = sending.then(async () => {
        const body =
          e.issueId !== undefined
            ? issueWebhookBody(state, e.type as IssueWebhookType, e.issueId, e.commentId)
            : webhookBody(state, e.type as WebhookType, e.requestId);
        const status = await sendWebhook(target.url, target.authorization, body).catch(() => 0);
        webhooks.push({ type: e.type, status });
      });
    }
  };
  let hanging = false;
  const faults: { method: string; path: string; status: number }[] = [];

  const respond = (req: IncomingMessage, res: ServerResponse, reply: RoutedReply, body: unknown) => {
    record({ checker, log, violations, undocumented, requestViolations }, req, reply, body);
    res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    flushEvents();
  };

  const server = createServer((req, res) => {
    if (hanging) return;
    const fault = faults.findIndex(
      (f) => f.method === req.method && f.path === new URL(req.url ?? '/', 'http://x').pathname,
    );
    if (fault >= 0) {
      const status = faults.splice(fault, 1)[0]?.status ?? 502;
      log.push({
        method: req.method ?? 'GET',
        rawUrl: req.url ?? '/',
        apiUser: undefined,
        hadApiKey: req.headers['x-api-key'] !== undefined,
        status,
        body: undefined,
      });
      req.resume();
      res
        .writeHead(status, { 'Content-Type': 'text/html' })
        .end(`<html><body><h1>${status} Bad Gateway</h1></body></html>`);
      return;
    }
    readJson(req).then(
      async (body) => {
        respond(req, res, await dispatchOverseerr(state, req, body), body);
      },
      () => {
        respond(req, res, { status: 400, body: { message: 'Unexpected token in JSON' } }, undefined);
      },
    );
  });
  const listener = await listenOnLoopback(server);
  const { port } = listener;

  return {
    url: `http://127.0.0.1:${port}`,
    flavor,
    apiKey: SEED_API_KEY,
    state,
    requests: state.requests,
    log,
    violations,
    undocumented,
    requestViolations,
    webhooks,
    setWebhook: (url, authorization) => {
      hook = { url, authorization };
    },
    setMediaStatus: (tmdbId, status) => {
      ensureMedia(state, tmdbId).status = status;
    },
    setArrServer: (kind, patch, is4k = false) => {
      const entry = state.arrServers[kind].find((e) => e.is4k === is4k);
      if (entry === undefined) throw new Error(`no ${is4k ? '4K ' : ''}${kind} entry in the Overseerr emulator`);
      Object.assign(entry, patch);
    },
    down: listener.down,
    up: listener.up,
    hang: (on) => {
      hanging = on;
    },
    failNext: (method, path, status, times = 1) => {
      for (let i = 0; i < times; i += 1) faults.push({ method, path, status });
    },
    close: async () => {
      await sending;
      await listener.close();
    },
  };
}
