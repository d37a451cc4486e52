import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** One routed request: method, path (no query), parsed query and the raw body text. */
export interface JsonRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface JsonReply {
  readonly status: number;
  readonly body?: unknown;
}

/** A small HTTP server on 127.0.0.1 and a free port answering JSON. */
export interface JsonServer {
  readonly url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startJsonServer(handle: (req: JsonRequest) => JsonReply): Promise<JsonServer> {
  const sockets = new Set<Socket>();
  const respond = (res: ServerResponse, reply: JsonReply) => {
    res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  };
  const server = createServer((req, res) => {
    readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://emulator');
      respond(res, handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body }));
    }).catch((error: unknown) => { respond(res, { status: 500, body: { message: String(error) } }); });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => { resolve(); });
    }),
  };
}
