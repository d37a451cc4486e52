import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** An emulator's HTTP server on 127.0.0.1 that can go down (connection refused) and come back on the same port. */
export interface LoopbackListener {
  readonly port: number;
  readonly url: string;
  /** Stops listening and drops open connections (kept-alive clients see the outage too). */
  readonly down: () => Promise<void>;
  /** Listens again on the same port. */
  readonly up: () => Promise<void>;
  /** `down()` unless already down. */
  readonly close: () => Promise<void>;
}

/** Starts `server` on a free loopback port and tracks its sockets for `down()`. */
export async function listenOnLoopback(server: Server): Promise<LoopbackListener> {
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => {
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${String(port)}`,
    down,
    up: () => listen(port),
    close: () => (server.listening ? down() : Promise.resolve()),
  };
}
