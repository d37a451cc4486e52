import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchSteps, type DispatchStep } from '../../src/bot/dispatch-deps.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores } from '../../src/store/stores.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { exited, spawnReadyChild } from './child-process.js';
import { eventually, startTestRedis, uniquePrefix } from './core-harness.js';
import { startDiscordBot, startDiscordWorker, type StackOptions } from './discord-stack.js';

const childScript = fileURLToPath(new URL('./delivery-bot-child.ts', import.meta.url));
const alice = { id: '110000000000000001', username: 'alice', roleIds: [] };
const access = { people: [{ name: 'alice', role: 'operator' as const, discordId: alice.id }] };

/** Resolves with the run id once the child prints `paused <runId>`. */
const pausedAt = (child: ChildProcess): Promise<string> =>
  new Promise((resolve) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /paused (\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
  });

describe('bot SIGKILLed at each step from the saved intent to the public line (real discord.js in a child process, emulator, redis, worker)', () => {
  let redis: PrivateRedis;
  let emu: DiscordEmulator;

  beforeAll(async () => {
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [alice] });
  });
  afterAll(async () => {
    await emu.stop();
    await redis.stop();
  });

  it.each<DispatchStep>([...dispatchSteps])(
    'runs the job exactly once and the thread ends true when the bot dies at "%s"',
    async (step) => {
      const prefix = uniquePrefix();
      const child = await spawnReadyChild(childScript, {
        REDIS_URL: redis.url,
        PREFIX: prefix,
        API_URL: emu.apiUrl,
        TOKEN: emu.token,
        OPERATOR_ID: alice.id,
        PAUSE_AT: step,
      });
      await eventually(() => Promise.resolve(emu.connected() > 0 ? true : undefined), 'child on the gateway', 20_000);
      const paused = pausedAt(child);
      // Killed at 'intended', the bot never acks (the user sees "interaction failed"); the
      // intent is saved, so the command still runs once and its thread tells the truth.
      const ack = emu.slash(alice.id, 'ping').then(
        (outcome) => outcome.callback.type,
        () => 'no ack',
      );
      const runId = await paused;
      if (step !== 'intended') expect(await ack).toBe(5);
      child.kill('SIGKILL');
      await exited(child);
      if (step === 'intended') expect(await ack).toBe('no ack');

      // The next bot (its intent sweep) and a worker (its orphan sweep) finish what the dead bot began.
      const opts: StackOptions = { emu, redisUrl: redis.url, prefix, access };
      const worker = startDiscordWorker(opts);
      const bot = await startDiscordBot(opts);
      const stores = createStores({ redisUrl: redis.url, prefix });
      try {
        const run = await eventually(
          async () => {
            const r = await stores.runStore.get(runId);
            return r?.status === 'succeeded' ? r : undefined;
          },
          'run succeeded',
          60_000,
        );
        const root = emu.state.messages.get(run.rootMessageId);
        expect(root?.content).toBe('✅ Done: /ping');
        expect(root?.threadId).toBe(run.threadId);
        const lines = emu
          .messagesIn(emu.ids.channelId)
          .filter((m) => m.content.includes(runId) || m.id === run.rootMessageId);
        expect(lines).toHaveLength(1);
        expect(emu.messagesIn(run.threadId).filter((m) => m.content.includes('**Pong**'))).toHaveLength(1);
        expect((await stores.runStore.listRecent(10)).map((r) => r.runId)).toEqual([runId]);
        expect(await stores.intentStore.unsettled(new Date(Date.now() + 60_000), 10)).toEqual([]);
        // The restarted bot works on: the next command goes through end to end.
        await emu.slash(alice.id, 'ping');
        await eventually(
          async () =>
            (await stores.runStore.listRecent(10)).filter((r) => r.status === 'succeeded').length >= 2
              ? true
              : undefined,
          'second run',
          30_000,
        );
      } finally {
        await bot.stop();
        await worker.stop();
        await stores.close();
      }
    },
  );
});
