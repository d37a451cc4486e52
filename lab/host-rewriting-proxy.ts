import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the proxy forwarded, and what the upstream answered. */
export interface ProxiedExchange {
  readonly method: string;
  readonly path: string;
  readonly referer: string | undefined;
  readonly status: number;
  readonly body: string;
}

/** A reverse proxy in front of one upstream that rewrites `Host`, as nginx's `proxy_pass` does by default. */
export interface HostRewritingProxy {
  /** The proxy's own base URL (what a user configures). */
  readonly url: string;
  /** Every exchange so far, oldest first. */
  readonly exchanges: readonly ProxiedExchange[];
  close(): Promise<void>;
}

/**
 * Starts the proxy on 127.0.0.1: each request goes to `upstream` with `Host: <upstream host:port>`
 * (nginx `proxy_set_header Host $proxy_host`), every other header kept, so a `Referer` naming the
 * proxy no longer matches the host qBittorrent sees. `sessionCookie` renames qBittorrent's `SID` cookie on
 * the way out and back (5.x lets the WebUI session cookie be renamed; 4.5.2 cannot).
 */
export async function startHostRewritingProxy(
  upstream: string,
  options: { readonly sessionCookie?: string } = {},
): Promise<HostRewritingProxy> {
  const target = new URL(upstream);
  const exchanges: ProxiedExchange[] = [];
  const renamed = options.sessionCookie;
  const server: Server = createServer((req, res) => {
    const cookie =
      renamed === undefined || req.headers.cookie === undefined
        ? req.headers.cookie
        : req.headers.cookie.replace(new RegExp(`(^|;\\s*)${renamed}=`), '$1SID=');
    const headers = { ...req.headers, host: target.host, ...(cookie === undefined ? {} : { cookie }) };
    const out = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (up: IncomingMessage) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          exchanges.push({
            method: req.method ?? 'GET',
            path: req.url ?? '/',
            referer: req.headers.referer,
            status: up.statusCode ?? 502,
            body: body.toString('utf8').slice(0, 200),
          });
          const setCookie =
            renamed === undefined
              ? up.headers['set-cookie']
              : up.headers['set-cookie']?.map((c) => c.replace(/^SID=/, `${renamed}=`));
          res.writeHead(up.statusCode ?? 502, {
            ...up.headers,
            ...(setCookie === undefined ? {} : { 'set-cookie': setCookie }),
          });
          res.end(body);
        });
      },
    );
    out.on('error', () => {
      res.writeHead(502);
      res.end('Bad Gateway');
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
