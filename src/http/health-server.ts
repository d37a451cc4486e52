import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';

/** A named liveness probe; resolves true when healthy. Must not throw for "unhealthy". */
export interface HealthProbe {
  readonly name: string;
  readonly probe: () => Promise<boolean>;
}

/** Extra routes mounted on the same server (Slack HTTP mode, Overseerr webhooks, metrics). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface HealthServerOptions {
  readonly host: string;
  readonly port: number;
  readonly role: string;
  readonly probes: readonly HealthProbe[];
  readonly log: Logger;
  readonly routes?: readonly RouteHandler[];
}

export interface RunningHttpServer {
  readonly url: string;
  close(): Promise<void>;
}

async function healthBody(options: HealthServerOptions): Promise<{ ok: boolean; body: string }> {
  const results = await Promise.all(
    options.probes.map(async (p) => [p.name, await p.probe().catch(() => false)] as const),
  );
  const ok = results.every(([, healthy]) => healthy);
  const checks = Object.fromEntries(results.map(([n, h]) => [n, h ? 'ok' : 'failing']));
  return {
    ok,
    body: JSON.stringify({
      status: ok ? 'ok' : 'failing',
      role: options.role,
      uptimeSeconds: Math.round(process.uptime()),
      checks,
    }),
  };
}

/** Starts the process's HTTP server: `/healthz` plus any extra routes. */
export async function startHealthServer(options: HealthServerOptions): Promise<RunningHttpServer> {
  const server: Server = createServer((req, res) => {
    void handle(req, res, options).catch((error: unknown) => {
      options.log.error({ err: error, url: req.url }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HealthServerOptions): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (req.method === 'GET' && path === '/healthz') {
    const { ok, body } = await healthBody(options);
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(body);
    return;
  }
  for (const route of options.routes ?? []) if (await route(req, res)) return;
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz\n');
}
