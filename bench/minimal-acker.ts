/**
 * The floor for bench/ack-latency.ts: the least a bot can do per interaction on the same
 * emulator and machine. One raw gateway connection (`ws`), IDENTIFY, and for every
 * INTERACTION_CREATE one `POST /interactions/{id}/{token}/callback` with `{"type":5}` over a
 * kept-alive node:http agent. No discord.js, no dispatcher, no Redis.
 */
import { Agent, request } from 'node:http';
import WebSocket from 'ws';

export interface MinimalAcker {
  stop(): Promise<void>;
}

export async function startMinimalAcker(apiUrl: string, token: string): Promise<MinimalAcker> {
  const gateway = await fetch(`${apiUrl}/v10/gateway/bot`, { headers: { Authorization: `Bot ${token}` } });
  const { url } = (await gateway.json()) as { url: string };
  const base = new URL(`${apiUrl}/v10`);
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const ws = new WebSocket(`${url}?v=10&encoding=json`);
  const ack = (id: string, itk: string): void => {
    const body = '{"type":5}';
    const req = request(
      {
        hostname: base.hostname,
        port: base.port,
        path: `${base.pathname}/interactions/${id}/${itk}/callback`,
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
      },
      (res) => {
        res.resume();
      },
    );
    req.on('error', () => undefined);
    req.end(body);
  };
  await new Promise<void>((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', (raw: Buffer) => {
      const p = JSON.parse(raw.toString('utf8')) as { op: number; t?: string; d?: { id?: string; token?: string } };
      if (p.op === 10)
        ws.send(
          JSON.stringify({
            op: 2,
            d: { token, intents: 1, properties: { os: 'linux', browser: 'bench', device: 'bench' } },
          }),
        );
      if (p.t === 'READY') resolve();
      if (p.t === 'INTERACTION_CREATE' && p.d?.id !== undefined && p.d.token !== undefined) ack(p.d.id, p.d.token);
    });
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        ws.once('close', () => {
          agent.destroy();
          resolve();
        });
        ws.close(1000);
      }),
  };
}
