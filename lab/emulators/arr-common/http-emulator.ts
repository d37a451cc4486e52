import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../loopback-listener.js';

/** A parsed request as emulator handlers see it. */
export interface EmuRequest {
  readonly method: string;
  readonly url: URL;
  /** Exactly what the client sent after the host (path + query). */
  readonly rawUrl: string;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when empty / not JSON (`text` keeps the raw body). */
  readonly body: unknown;
  readonly text: string;
}

/** A reply: `body` is sent as JSON, `text` as is (`body` wins when both are set). */
export interface EmuReply {
  readonly status: number;
  readonly body?: unknown;
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One logged exchange. */
export interface EmuCall {
  readonly method: string;
  readonly rawUrl: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly status: number;
}

/** Handler plus the contract check run on every handler reply (not on overrides). */
export interface HttpEmulatorOptions {
  readonly handle: (req: EmuRequest) => EmuReply | Promise<EmuReply>;
  /** Returns contract violations of a reply (empty = valid). */
  readonly validate: (req: EmuRequest, reply: EmuReply) => string[];
}

/** The transport part every media emulator shares: faults, log, contract enforcement. */
export interface HttpEmulator {
  /** `http://127.0.0.1:<port>` (no path). */
  readonly url: string;
  readonly log: readonly EmuCall[];
  /** Contract violations; a violating reply is replaced by a 500 so the calling test fails too. */
  readonly violations: readonly string[];
  /** Stop listening (connections are refused) / listen again on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** While on, requests are accepted and never answered. */
  hang(on: boolean): void;
  /** Answers `METHOD path` (pathname, no query) with a canned raw reply, unvalidated (bad JSON, 500…); `undefined` clears. */
  override(method: string, path: string, reply: EmuReply | undefined): void;
  close(): Promise<void>;
}

async function readRequest(req: IncomingMessage): Promise<{ text: string; body: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { text, body: text.trim() === '' ? undefined : (JSON.parse(text) as unknown) };
  } catch {
    return { text, body: undefined };
  }
}

function send(res: ServerResponse, reply: EmuReply): void {
  const json = reply.body !== undefined;
  res.writeHead(reply.status, {
    'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    ...reply.headers,
  });
  res.end(json ? JSON.stringify(reply.body) : (reply.text ?? ''));
}

/** Starts a server on 127.0.0.1 and a free port. */
export async function startHttpEmulator(options: HttpEmulatorOptions): Promise<HttpEmulator> {
  const log: EmuCall[] = [];
  const violations: string[] = [];
  const overrides = new Map<string, EmuReply>();
  let hanging = false;

  const answer = async (req: IncomingMessage): Promise<{ request: EmuRequest; reply: EmuReply }> => {
    const { text, body } = await readRequest(req);
    const rawUrl = req.url ?? '/';
    const request: EmuRequest = {
      method: req.method ?? 'GET',
      url: new URL(rawUrl, 'http://127.0.0.1'),
      rawUrl,
      headers: req.headers,
      body,
      text,
    };
    const canned = overrides.get(`${request.method} ${request.url.pathname}`);
    if (canned !== undefined) return { request, reply: canned };
    const reply = await options.handle(request);
    const problems = options.validate(request, reply);
    if (problems.length === 0) return { request, reply };
    violations.push(...problems);
    return { request, reply: { status: 500, body: { message: 'emulator contract violation', violations: problems } } };
  };

  const server = createServer((req, res) => {
    if (hanging) return;
    answer(req).then(
      ({ request, reply }) => {
        log.push({
          method: request.method,
          rawUrl: request.rawUrl,
          headers: request.headers,
          body: request.body,
          status: reply.status,
        });
        send(res, reply);
      },
      (error: unknown) => {
        send(res, { status: 500, text: `emulator error: ${String(error)}` });
      },
    );
  });
  const listener = await listenOnLoopback(server);
  const { port } = listener;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    violations,
    down: listener.down,
    up: listener.up,
    hang: (on) => {
      hanging = on;
    },
    override: (method, path, reply) => {
      if (reply === undefined) overrides.delete(`${method} ${path}`);
      else overrides.set(`${method} ${path}`, reply);
    },
    close: listener.close,
  };
}
