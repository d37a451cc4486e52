import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';

/** What a probe found: healthy or not, and a short word on why (shown under `details`). */
export type ProbeResult = boolean | { readonly ok: boolean; readonly detail: string };

/**
 * A named dependency probe (Redis, a chat connection, the worker). A failing critical probe (the
 * default) makes `/healthz` answer 503; a non-critical one is reported as `degraded`. A probe
 * that throws or takes longer than 1 s counts as failing.
 */
export interface HealthProbe {
  readonly name: string;
  readonly probe: () => Promise<ProbeResult>;
  readonly critical?: boolean;
}

const probeTimeoutMs = 1_000;

async function runProbe(p: HealthProbe): Promise<{ ok: boolean; detail: string | undefined }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(() => {
      resolve({ ok: false, detail: 'no answer within 1 s' });
    }, probeTimeoutMs);
  });
  try {
    const result = await Promise.race([p.probe(), late]);
    return typeof result === 'boolean' ? { ok: result, detail: undefined } : result;
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
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
  const results = await Promise.all(options.probes.map(async (p) => ({ probe: p, ...(await runProbe(p)) })));
  const ok = results.every((r) => r.ok || r.probe.critical === false);
  const word = (r: (typeof results)[number]): string =>
    r.ok ? 'ok' : r.probe.critical === false ? 'degraded' : 'failing';
  const checks = Object.fromEntries(results.map((r) => [r.probe.name, word(r)]));
  const details = Object.fromEntries(
    results.flatMap((r) => (r.detail === undefined ? [] : [[r.probe.name, r.detail]])),
  );
  return {
    ok,
    body: JSON.stringify({
      status: ok ? 'ok' : 'failing',
      role: options.role,
      uptimeSeconds: Math.round(process.uptime()),
      checks,
      details,
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
