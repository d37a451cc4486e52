import { createServer, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ExternalError } from '../../errors.js';
import { createRawAcker, toAck } from './raw-ack.js';

interface Seen { readonly method: string; readonly url: string; readonly body: string; readonly auth: string | undefined }

async function server(status: number) {
  const seen: Seen[] = [];
  const srv = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => { seen.push({ method: req.method ?? '', url: req.url ?? '', body, auth: req.headers.authorization }); res.writeHead(status).end(); });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  return { seen, apiUrl: `http://127.0.0.1:${String(port)}/api`, close: () => new Promise<void>((resolve) => srv.close(() => { resolve(); })) };
}

describe('toAck', () => {
  it('defers chat-input commands with 5 and buttons / string selects with 6', () => {
    expect(toAck({ id: '1', token: 't', type: 2, data: { type: 1 } })).toEqual({ id: '1', token: 't', type: 5 });
    expect(toAck({ id: '2', token: 't', type: 3, data: { component_type: 2 } })).toEqual({ id: '2', token: 't', type: 6 });
    expect(toAck({ id: '3', token: 't', type: 3, data: { component_type: 3 } })).toEqual({ id: '3', token: 't', type: 6 });
  });

  it('leaves autocomplete, context menus, other components and malformed packets alone', () => {
    expect(toAck({ id: '1', token: 't', type: 4, data: { type: 1 } })).toBeUndefined();
    expect(toAck({ id: '1', token: 't', type: 2, data: { type: 2 } })).toBeUndefined();
    expect(toAck({ id: '1', token: 't', type: 3, data: { component_type: 5 } })).toBeUndefined();
    expect(toAck({ token: 't', type: 2, data: { type: 1 } })).toBeUndefined();
  });
});

describe('createRawAcker', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => { await Promise.all(cleanup.splice(0).map((c) => c())); });

  it('posts the callback type to /v10/interactions/{id}/{token}/callback without the bot token', async () => {
    const s = await server(204);
    const acker = createRawAcker(s.apiUrl);
    cleanup.push(s.close, () => { acker.close(); return Promise.resolve(); });
    await Promise.all([acker.ack('11', 'tok-a', 5), acker.ack('12', 'tok-b', 6)]);
    const byUrl = [...s.seen].sort((a, b) => a.url.localeCompare(b.url));
    expect(byUrl).toEqual([
      { method: 'POST', url: '/api/v10/interactions/11/tok-a/callback', body: '{"type":5}', auth: undefined },
      { method: 'POST', url: '/api/v10/interactions/12/tok-b/callback', body: '{"type":6}', auth: undefined },
    ]);
  });

  it('rejects with a discord-api ExternalError when Discord does not answer 2xx', async () => {
    const s = await server(400);
    const acker = createRawAcker(s.apiUrl);
    cleanup.push(s.close, () => { acker.close(); return Promise.resolve(); });
    const error = await acker.ack('1', 't', 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect(error).toMatchObject({ code: 'discord-api', context: { status: 400 } });
  });

  it('rejects with discord-unreachable when nothing listens', async () => {
    const s = await server(204);
    await s.close();
    const acker = createRawAcker(s.apiUrl);
    cleanup.push(() => { acker.close(); return Promise.resolve(); });
    await expect(acker.ack('1', 't', 5)).rejects.toMatchObject({ code: 'discord-unreachable' });
  });
});
