import { createServer, type Server, type Socket } from 'node:net';

/**
 * A peer that accepts connections and never answers (a hung service, or a firewall that
 * completes the handshake and then drops packets). Listens on a loopback TCP port, or on a unix
 * socket path when `socketPath` is given (a hung Docker daemon). Counts what it accepted.
 */
export interface SilentPeer {
  /** TCP port (0 for a unix socket). */
  readonly port: number;
  /** `http://127.0.0.1:<port>` for HTTP clients. */
  readonly url: string;
  /** Connections accepted so far. */
  accepted(): number;
  /** Connections still open (clients that gave up close theirs). */
  open(): number;
  close(): Promise<void>;
}

export async function startSilentPeer(socketPath?: string): Promise<SilentPeer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  // On a unix socket the peer plays a hung daemon: a client's half-close after its request (the raw
  // `/_ping` probe) must not close the connection. On TCP it closes when the client does (counted by `open`).
  const server: Server = createServer({ allowHalfOpen: socketPath !== undefined }, (socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    // Reads (and drops) what the client sends, so its close is seen; never writes: the client waits until it gives up.
    socket.resume();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (socketPath === undefined) server.listen(0, '127.0.0.1', resolve);
    else server.listen(socketPath, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    open: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
