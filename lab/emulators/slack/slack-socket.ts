import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ackWindowMs, type DeliveryResult } from './slack-inbound.js';
import { fakeIds } from './slack-web-common.js';

/**
 * Socket Mode side of the fake: `apps.connections.open` hands out `ws://…/link/?ticket=…`,
 * the connection gets `hello`, envelopes go out and acks (`{envelope_id, payload}`) come back.
 * The server pings every 10 s because the client reconnects after 30 s without a ping.
 */
export class SlackSocketHub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly pending = new Map<string, (payload: unknown) => void>();
  private tickets = 0;
  private accepted = 0;
  private envelopes = 0;

  constructor(
    private readonly baseWsUrl: string,
    private readonly onChange: () => void,
  ) {}

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (req.url?.startsWith('/link/') !== true) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.accept(ws);
      });
    });
  }

  /** A fresh connection URL, as `apps.connections.open` returns it. */
  nextUrl(): string {
    this.tickets += 1;
    return `${this.baseWsUrl}/link/?ticket=t${this.tickets}`;
  }

  get connected(): boolean {
    return this.sockets.size > 0;
  }

  get openCount(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  /** How many connections were ever accepted (a reconnect makes it grow). */
  get connections(): number {
    return this.accepted;
  }

  /**
   * Sends an envelope on one open connection, taking turns as Slack spreads payloads over an
   * app's connections (up to 10); resolves with its ack (or a 3 s timeout).
   */
  async send(type: 'slash_commands' | 'interactive', payload: unknown): Promise<DeliveryResult> {
    const open = [...this.sockets].filter((s) => s.readyState === s.OPEN);
    const ws = open[this.envelopes % Math.max(1, open.length)];
    if (ws === undefined) throw new Error('fake slack: no Socket Mode connection');
    this.envelopes += 1;
    const id = `env-${this.envelopes}`;
    const acked = new Promise<unknown>((resolve) => {
      this.pending.set(id, resolve);
    });
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => {
        resolve('timeout');
      }, ackWindowMs).unref(),
    );
    ws.send(JSON.stringify({ envelope_id: id, type, accepts_response_payload: true, payload }));
    const result = await Promise.race([acked, timeout]);
    this.pending.delete(id);
    if (result === 'timeout') return { status: 0, body: '', timedOut: true };
    return { status: 200, body: result === undefined ? '' : JSON.stringify(result), timedOut: false };
  }

  /** Asks every client to reconnect, as Slack does on `refresh_requested`. */
  requestRefresh(): void {
    for (const ws of this.sockets) ws.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested' }));
  }

  /** Cuts every connection at the TCP level (no close frame, no `disconnect` message). */
  dropAll(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  close(): void {
    this.dropAll();
    this.wss.close();
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    this.accepted += 1;
    const ping = setInterval(() => {
      ws.ping();
    }, 10_000);
    ws.on('message', (raw: Buffer) => {
      this.onAck(raw);
    });
    ws.on('close', () => {
      clearInterval(ping);
      this.sockets.delete(ws);
      this.onChange();
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        connection_info: { app_id: fakeIds.appId },
        debug_info: { host: 'fake', build_number: 1, approximate_connection_time: 18060 },
      }),
    );
    this.onChange();
  }

  private onAck(raw: Buffer): void {
    const ack = JSON.parse(raw.toString('utf8')) as { envelope_id?: string; payload?: unknown };
    if (ack.envelope_id === undefined) return;
    this.pending.get(ack.envelope_id)?.(ack.payload);
  }
}
