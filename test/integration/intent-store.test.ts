import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createIntentStore } from '../../src/store/intent-store.js';
import { uniquePrefix, useTestRedis } from './core-harness.js';

const intent = (runId: string) => ({ runId, command: { c: runId }, receivedAt: new Date().toISOString() });
const later = () => new Date(Date.now() + 60_000);

describe('IntentStore.send (real redis-server)', () => {
  const redis = useTestRedis();

  it('says the write left the process on a ready connection; a redelivery is not saved twice', async () => {
    await redis.redis.ping();
    const store = createIntentStore(redis.redis, uniquePrefix());
    const first = store.send(intent('r1'));
    expect(await first.written).toBe(true);
    expect(await first.saved).toBe(true);
    const again = store.send(intent('r1'));
    expect(await again.saved).toBe(false);
    expect((await store.unsettled(later(), 10)).map((i) => i.runId)).toEqual(['r1']);
  });

  it('sends the intents of one turn of the event loop in one socket write', async () => {
    await redis.redis.ping();
    const store = createIntentStore(redis.redis, uniquePrefix());
    const socket = redis.redis.stream;
    const write = socket.write.bind(socket);
    let writes = 0;
    socket.write = ((...args: Parameters<typeof write>) => {
      writes += 1;
      return write(...args);
    }) as typeof socket.write;
    try {
      const sends = ['b1', 'b2', 'b3'].map((id) => store.send(intent(id)));
      expect(await Promise.all(sends.map((s) => s.written))).toEqual([true, true, true]);
      expect(writes).toBe(1);
      expect(await Promise.all(sends.map((s) => s.saved))).toEqual([true, true, true]);
    } finally {
      socket.write = write;
    }
    expect((await store.unsettled(later(), 10)).map((i) => i.runId).sort()).toEqual(['b1', 'b2', 'b3']);
  });

  it('sends its script once per connection, then only its SHA, and still saves after SCRIPT FLUSH', async () => {
    const own = new Redis(redis.url);
    try {
      await own.ping();
      const store = createIntentStore(own, uniquePrefix());
      const socket = own.stream;
      const write = socket.write.bind(socket);
      const wire: string[] = [];
      socket.write = ((...args: Parameters<typeof write>) => {
        wire.push(String(args[0]));
        return write(...args);
      }) as typeof socket.write;
      try {
        expect(await store.send(intent('s1')).saved).toBe(true);
        expect(wire.join('')).toContain("redis.call('SET'");
        wire.length = 0;
        expect(await store.send(intent('s2')).saved).toBe(true);
        expect(wire.join('')).toMatch(/\bevalsha\b/);
        expect(wire.join('')).not.toContain("redis.call('SET'");
        // Redis lost its script cache (SCRIPT FLUSH, a failover): NOSCRIPT, then the script again.
        await own.script('FLUSH');
        expect(await store.send(intent('s3')).saved).toBe(true);
      } finally {
        socket.write = write;
      }
      expect((await store.unsettled(later(), 10)).map((i) => i.runId).sort()).toEqual(['s1', 's2', 's3']);
    } finally {
      await own.quit();
    }
  });

  it('says not sent while the connection is not ready (the write waits in memory), and saves it once connected', async () => {
    const lazy = new Redis(redis.url, { lazyConnect: true });
    try {
      const store = createIntentStore(lazy, uniquePrefix());
      const pending = store.send(intent('r2'));
      expect(await pending.written).toBe(false);
      expect(await pending.saved).toBe(true);
      expect((await store.unsettled(later(), 10)).map((i) => i.runId)).toEqual(['r2']);
    } finally {
      await lazy.quit();
    }
  });

  it('an intent reported sent survives a SIGKILL of its process right after', async () => {
    const prefix = uniquePrefix();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./intent-send-child.ts', import.meta.url).pathname],
      {
        env: { ...process.env, REDIS_URL: redis.url, PREFIX: prefix, RUN_ID: 'r3' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.on('exit', (_code, sig) => {
        resolve(sig);
      });
    });
    expect(signal).toBe('SIGKILL');
    const store = createIntentStore(redis.redis, prefix);
    expect((await store.unsettled(later(), 10)).map((i) => i.runId)).toEqual(['r3']);
  });
});
