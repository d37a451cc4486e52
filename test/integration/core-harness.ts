import { Redis } from 'ioredis';
import { randomInt, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll } from 'vitest';
import type { AccessConfig } from '../../src/bot/authorize.js';
import type { ChatAdapter } from '../../src/bot/inbound.js';
import { startIntentRecovery } from '../../src/bot/recover-intents.js';
import { createDispatcher } from '../../src/bot/dispatch.js';
import type { DispatchDeps } from '../../src/bot/dispatch-deps.js';
import { startShellSession, type RunShellOptions, type ShellSession } from '../../src/bot/shell/run-shell.js';
import { jobSpecs, registry } from '../../src/commands/registry.js';
import { createProducer } from '../../src/jobs/queue.js';
import { silentLogger } from '../../src/log.js';
import { startPrivateRedis, type PrivateRedis } from '../../src/store/private-redis.js';
import type { RunStore } from '../../src/store/run-store.js';
import { createStores } from '../../src/store/stores.js';
import { wired } from './wired.js';

/** A private redis-server for one test file (never the machine's 6379). Fails if missing. */
export async function startTestRedis(): Promise<PrivateRedis> {
  return startPrivateRedis();
}

/** A unique key prefix so test files and runs never see each other's keys. */
/**
 * A private redis-server and one ioredis client for the tests of one file (registers vitest
 * `beforeAll`/`afterAll`); read `redis` / `url` inside tests, not at collection time.
 */
export function useTestRedis(): { readonly redis: Redis; readonly url: string } {
  let server: PrivateRedis | undefined;
  let client: Redis | undefined;
  beforeAll(async () => {
    server = await startTestRedis();
    client = new Redis(server.url);
  });
  afterAll(async () => {
    await client?.quit();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestRedis: read redis/url inside a test, after beforeAll');
    return value;
  };
  return {
    get redis() {
      return started(client);
    },
    get url() {
      return started(server).url;
    },
  };
}

export const uniquePrefix = (): string => `t${randomUUID().slice(0, 8)}:`;

/** Captures everything written to a stream, for asserting on the REPL's output. */
export class Transcript {
  readonly stream = new PassThrough();
  text = '';

  constructor() {
    this.stream.on('data', (chunk: Buffer) => {
      this.text += chunk.toString();
    });
  }

  count(pattern: string | RegExp): number {
    const re =
      typeof pattern === 'string'
        ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')
        : new RegExp(pattern.source, 'g');
    return [...this.text.matchAll(re)].length;
  }

  /** Waits until `pattern` has appeared `times` times (polling; fails with the transcript). */
  async waitFor(pattern: string | RegExp, times = 1, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.count(pattern) < times) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(pattern)} x${times}; transcript:\n${this.text}`);
      await sleep(50);
    }
  }
}

/**
 * A free 127.0.0.1 port below the ephemeral range (32768+), for a service the test starts later
 * (an emulator that is "not up yet"): `freePort()` and outgoing connections, here or in other
 * test processes, only ever get ephemeral ports, so none of them can take it in the meantime.
 */
export async function latePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + randomInt(12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => {
        resolve(false);
      });
      server.listen(port, '127.0.0.1', () => {
        server.close(() => {
          resolve(true);
        });
      });
    });
    if (free) return port;
  }
}

/** Polls `probe` until it returns a defined value. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** The run record of `runId` once it has succeeded (polled like `eventually`). */
export const runSucceeded = (runStore: Pick<RunStore, 'get'>, runId: string, timeoutMs = 60_000) =>
  eventually(
    async () => {
      const r = await runStore.get(runId);
      return r?.status === 'succeeded' ? r : undefined;
    },
    'run succeeded',
    timeoutMs,
  );

/**
 * The bot side of a test stack: real stores, producer and dispatcher started on `adapter`
 * (no worker). Returns the function that stops all three.
 */
export async function startDispatching(
  adapter: ChatAdapter,
  o: {
    readonly redisUrl: string;
    readonly prefix: string;
    readonly access: AccessConfig;
    readonly onActionRefused?: DispatchDeps['onActionRefused'];
    readonly places?: DispatchDeps['places'];
  },
): Promise<() => Promise<void>> {
  const log = silentLogger();
  const stores = createStores({ redisUrl: o.redisUrl, prefix: o.prefix });
  const producer = createProducer({ redisUrl: o.redisUrl, prefix: `${o.prefix}bull`, jobs: jobSpecs });
  const deps: DispatchDeps = {
    registry,
    chats: { [adapter.platform]: adapter },
    access: o.access,
    ...stores,
    producer,
    log,
    clock: () => new Date(),
    ...(o.onActionRefused === undefined ? {} : { onActionRefused: o.onActionRefused }),
    ...(o.places === undefined ? {} : { places: o.places }),
  };
  await adapter.start(createDispatcher(deps));
  // Like the service: commands whose bot died after the ack are finished by the next bot.
  const recovery = startIntentRecovery(deps, { intervalMs: 500, minAgeMs: 3_000 });
  return async () => {
    await recovery.close();
    await adapter.stop();
    await producer.close();
    await stores.close();
  };
}

/** What `useShellSession` runs the shell with (its streams and Redis are the harness's). */
export type ShellHarnessOptions = Omit<RunShellOptions, 'input' | 'output' | 'redisUrl' | 'processors'> & {
  /** Default: every feature wired with the embedded default config (`wired`). */
  readonly processors?: RunShellOptions['processors'];
};

/**
 * A private redis-server plus a shell session on it for the tests of one file (registers vitest
 * `beforeAll`/`afterAll`). `options` runs in `beforeAll`, so it may start other services first.
 */
export function useShellSession(options: (redisUrl: string) => ShellHarnessOptions | Promise<ShellHarnessOptions>): {
  readonly out: Transcript;
  readonly type: (line: string) => void;
  readonly redisUrl: string;
} {
  const input = new PassThrough();
  const out = new Transcript();
  let redis: PrivateRedis | undefined;
  let session: ShellSession | undefined;
  beforeAll(async () => {
    redis = await startTestRedis();
    session = await startShellSession({
      processors: (stores) => wired(stores),
      ...(await options(redis.url)),
      input,
      output: out.stream,
      redisUrl: redis.url,
    });
  });
  afterAll(async () => {
    await session?.close();
    await redis?.stop();
  });
  return {
    out,
    type: (line) => {
      input.write(`${line}\n`);
    },
    get redisUrl() {
      if (redis === undefined) throw new Error('useShellSession: read redisUrl inside a test, after beforeAll');
      return redis.url;
    },
  };
}
