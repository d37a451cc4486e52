import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log.js';
import { startHealthServer, type RunningHttpServer } from './health-server.js';

describe('startHealthServer', () => {
  let server: RunningHttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers 200 with every probe ok', async () => {
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      role: 'worker',
      log: silentLogger(),
      probes: [{ name: 'redis', probe: () => Promise.resolve(true) }],
    });
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', role: 'worker', checks: { redis: 'ok' } });
  });

  it('answers 503 naming the failing probe, also when a probe throws', async () => {
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      role: 'bot',
      log: silentLogger(),
      probes: [
        { name: 'redis', probe: () => Promise.reject(new Error('down')) },
        { name: 'discord', probe: () => Promise.resolve(true) },
      ],
    });
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'failing', checks: { redis: 'failing', discord: 'ok' } });
  });

  it('reports each dependency with its detail; a non-critical one is degraded, not 503; a hung probe fails', async () => {
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      role: 'bot',
      log: silentLogger(),
      probes: [
        { name: 'redis', probe: () => Promise.resolve({ ok: true, detail: 'up' }) },
        { name: 'workers', critical: false, probe: () => Promise.resolve({ ok: false, detail: '0 alive' }) },
      ],
    });
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      checks: { redis: 'ok', workers: 'degraded' },
      details: { redis: 'up', workers: '0 alive' },
    });
    await server.close();
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      role: 'bot',
      log: silentLogger(),
      probes: [{ name: 'discord', probe: () => new Promise<boolean>(() => undefined) }],
    });
    const hung = await fetch(`${server.url}/healthz`);
    expect(hung.status).toBe(503);
    expect(await hung.json()).toMatchObject({
      checks: { discord: 'failing' },
      details: { discord: 'no answer within 1 s' },
    });
  });

  it('routes other paths to extra handlers, else 404', async () => {
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      role: 'bot',
      log: silentLogger(),
      probes: [],
      routes: [
        (req, res) => {
          if (req.url !== '/hook') return false;
          res.writeHead(204).end();
          return true;
        },
      ],
    });
    expect((await fetch(`${server.url}/hook`)).status).toBe(204);
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });
});
