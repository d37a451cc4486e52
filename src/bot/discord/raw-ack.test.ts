import { createServer, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ExternalError } from '../../errors.js';
import { createRawAcker, toAck, type AckFailure } from './raw-ack.js';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly auth: string | undefined;
}

/** One behaviour per request, in order (the last repeats): a status, or a fault. */
type Step = number | 'reset' | 'silent' | { late: number; status: number } | { status: number; code: number };

async function server(...steps: Step[]) {
  const seen: Seen[] = [];
  const srv = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const step = steps[Math.min(seen.length, steps.length - 1)] ?? 204;
      seen.push({ method: req.method ?? '', url: req.url ?? '', body, auth: req.headers.authorization });
      if (step === 'reset') {
        req.socket.destroy();
        return;
      }
      if (step === 'silent') return;
      if (typeof step === 'number') {
        res.writeHead(step).end();
        return;
      }
      if ('late' in step) {
        setTimeout(() => {
          res.writeHead(step.status).end();
        }, step.late);
        return;
      }
      res
        .writeHead(step.status, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ message: 'x', code: step.code }));
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  return {
    seen,
    apiUrl: `http://127.0.0.1:${String(port)}/api`,
    close: () =>
      new Promise<void>((resolve) => {
        srv.closeAllConnections();
        srv.close(() => {
          resolve();
        });
      }),
  };
}

describe('toAck', () => {
  it('defers chat-input commands with 5 and buttons / string selects with 6', () => {
    expect(toAck({ id: '1', token: 't', type: 2, data: { type: 1 } })).toEqual({ id: '1', token: 't', type: 5 });
    expect(toAck({ id: '2', token: 't', type: 3, data: { component_type: 2 } })).toEqual({
      id: '2',
      token: 't',
      type: 6,
    });
    expect(toAck({ id: '3', token: 't', type: 3, data: { component_type: 3 } })).toEqual({
      id: '3',
      token: 't',
      type: 6,
    });
  });

  it('leaves autocomplete, context menus, other components and malformed packets alone', () => {
    expect(toAck({ id: '1', token: 't', type: 4, data: { type: 1 } })).toBeUndefined();
    expect(toAck({ id: '1', token: 't', type: 2, data: { type: 2 } })).toBeUndefined();
    expect(toAck({ id: '1', token: 't', type: 3, data: { component_type: 5 } })).toBeUndefined();
    expect(toAck({ token: 't', type: 2, data: { type: 1 } })).toBeUndefined();
  });
});

function observed() {
  const events: string[] = [];
  return {
    events,
    observer: {
      retried: (r: AckFailure, n: number) => {
        events.push(`retry:${r}:${String(n)}`);
      },
      lost: (r: AckFailure) => {
        events.push(`lost:${r}`);
      },
    },
  };
}

describe('createRawAcker', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanup.splice(0).map((c) => c()));
  });
  async function setup(steps: Step[], opts: { deadlineMs?: number; attemptMs?: number } = {}) {
    const s = await server(...steps);
    const o = observed();
    const acker = createRawAcker({ apiUrl: s.apiUrl, observer: o.observer, ...opts });
    cleanup.push(s.close, () => {
      acker.close();
      return Promise.resolve();
    });
    return { s, acker, events: o.events };
  }

  it('posts an ephemeral deferral for commands and a bare deferUpdate for clicks, without the bot token', async () => {
    const { s, acker } = await setup([204]);
    await Promise.all([acker.ack('11', 'tok-a', 5), acker.ack('12', 'tok-b', 6)]);
    const byUrl = [...s.seen].sort((a, b) => a.url.localeCompare(b.url));
    expect(byUrl).toEqual([
      {
        method: 'POST',
        url: '/api/v10/interactions/11/tok-a/callback',
        body: '{"type":5,"data":{"flags":64}}',
        auth: undefined,
      },
      { method: 'POST', url: '/api/v10/interactions/12/tok-b/callback', body: '{"type":6}', auth: undefined },
    ]);
  });

  it('retries on a fresh connection when the socket is reset before any answer, and reports the retry', async () => {
    const { s, acker, events } = await setup(['reset', 204]);
    await expect(acker.ack('1', 't', 5)).resolves.toBe('acked');
    expect(s.seen).toHaveLength(2);
    expect(events).toEqual(['retry:socket:1']);
  });

  it('counts "already acknowledged" (40060) on a retry as success', async () => {
    const { acker, events } = await setup(['reset', { status: 400, code: 40060 }]);
    await expect(acker.ack('1', 't', 5)).resolves.toBe('already-acked');
    expect(events).toEqual(['retry:socket:1']);
  });

  it('reports "already acknowledged" (40060) on the first attempt as acked elsewhere (another bot took it)', async () => {
    const { s, acker, events } = await setup([{ status: 400, code: 40060 }]);
    await expect(acker.ack('1', 't', 5)).resolves.toBe('acked-elsewhere');
    expect(s.seen).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it('retries a 500 and a late answer within the deadline', async () => {
    const { s, acker, events } = await setup([500, { late: 400, status: 204 }, 204], {
      attemptMs: 200,
      deadlineMs: 1500,
    });
    await expect(acker.ack('1', 't', 6)).resolves.toBe('acked');
    expect(s.seen).toHaveLength(3);
    expect(events).toEqual(['retry:server-error:1', 'retry:timeout:2']);
  });

  it('gives up at the deadline when Discord never answers, and reports the lost ack', async () => {
    const { acker, events } = await setup(['silent'], { attemptMs: 150, deadlineMs: 500 });
    const started = performance.now();
    await expect(acker.ack('1', 't', 5)).rejects.toMatchObject({
      code: 'discord-unreachable',
      context: { reason: 'deadline' },
    });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(events.at(-1)).toBe('lost:deadline');
    expect(events.filter((e) => e.startsWith('retry:timeout'))).not.toHaveLength(0);
  });

  it('does not retry a refusal such as an unknown interaction (10062)', async () => {
    const { s, acker, events } = await setup([{ status: 404, code: 10062 }]);
    const error = await acker.ack('1', 't', 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect(error).toMatchObject({ code: 'discord-api', context: { status: 404, reason: 'refused' } });
    expect(s.seen).toHaveLength(1);
    expect(events).toEqual(['lost:refused']);
  });

  it('rejects with discord-unreachable when nothing listens', async () => {
    const s = await server(204);
    await s.close();
    const acker = createRawAcker({ apiUrl: s.apiUrl, deadlineMs: 400 });
    cleanup.push(() => {
      acker.close();
      return Promise.resolve();
    });
    await expect(acker.ack('1', 't', 5)).rejects.toMatchObject({ code: 'discord-unreachable' });
  });

  it('abandons an ack in flight at close, at once', async () => {
    const { acker, events } = await setup(['silent'], { attemptMs: 5000, deadlineMs: 10_000 });
    const pending = acker.ack('1', 't', 5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    acker.close();
    await expect(pending).rejects.toMatchObject({ context: { reason: 'abandoned' } });
    expect(events).toEqual(['lost:abandoned']);
  });
});
