import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchSteps, type DispatchStep } from '../../src/bot/dispatch-deps.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores } from '../../src/store/stores.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { exited, pausedAt, spawnReadyChild } from './child-process.js';
import { eventually, runSucceeded, startTestRedis, uniquePrefix } from './core-harness.js';
import { startDiscordBot, startDiscordWorker, type StackOptions } from './discord-stack.js';

const childScript = fileURLToPath(new URL('./delivery-bot-child.ts', import.meta.url));
const alice = { id: '110000000000000001', username: 'alice', roleIds: [] };
/** Not in the people table: every command of hers is refused. */
const mallory = { id: '110000000000000066', username: 'mallory', roleIds: [] };
const access = { people: [{ name: 'alice', role: 'operator' as const, discordId: alice.id }] };
const ephemeral = 64;
const loading = 128;

describe('bot SIGKILLed at each step from the saved intent to the public line (real discord.js in a child process, emulator, redis, worker)', () => {
  let redis: PrivateRedis;
  let emu: DiscordEmulator;

  beforeAll(async () => {
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [alice, mallory] });
  });
  afterAll(async () => {
    await emu.stop();
    await redis.stop();
  });

  /**
   * A bot in a child process takes `/ping` from `userId` and is SIGKILLed at `step`. Returns the
   * run id, the interaction (its `@original` is the invoker's private reply) and the ack's type.
   */
  async function killedAt(prefix: string, step: DispatchStep, userId: string) {
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
    const before = new Set(emu.state.interactions.keys());
    // Killed at 'intended', the bot never acks (the user sees "interaction failed"); the
    // intent is saved, so the command still runs once and its thread tells the truth.
    const ack = emu.slash(userId, 'ping').then(
      (outcome) => outcome.callback.type,
      () => 'no ack',
    );
    const runId = await paused;
    const interactionId = [...emu.state.interactions.keys()].find((id) => !before.has(id)) ?? '';
    if (step !== 'intended') expect(await ack).toBe(5);
    child.kill('SIGKILL');
    await exited(child);
    if (step === 'intended') expect(await ack).toBe('no ack');
    return { runId, interactionId };
  }

  it.each<DispatchStep>([...dispatchSteps])(
    'runs the job exactly once, the thread ends true and the invoker privately reads "Queued" when the bot dies at "%s"',
    async (step) => {
      const prefix = uniquePrefix();
      const { runId, interactionId } = await killedAt(prefix, step, alice.id);
      const stores = createStores({ redisUrl: redis.url, prefix });
      // The intent holds the interaction token only sealed (never usable from Redis alone).
      const [intent] = await stores.intentStore.unsettled(new Date(Date.now() + 60_000), 10);
      const token = emu.state.interactions.get(interactionId)?.token ?? '';
      expect(intent?.answer?.pending).toBe(true);
      expect(token).not.toBe('');
      expect(JSON.stringify(intent)).not.toContain(token);

      // The next bot (its intent sweep) and a worker (its orphan sweep) finish what the dead bot began.
      const opts: StackOptions = { emu, redisUrl: redis.url, prefix, access };
      const worker = startDiscordWorker(opts);
      const bot = await startDiscordBot(opts);
      try {
        const run = await runSucceeded(stores.runStore, runId);
        // The worker marks the run succeeded, then edits the line: wait for the edit.
        const root = await emu
          .waitFor(() => emu.state.messages.get(run.rootMessageId)?.content.startsWith('✅'), 'the final line')
          .then(() => emu.state.messages.get(run.rootMessageId));
        expect(root?.content).toBe('✅ Done: /ping');
        expect(root?.threadId).toBe(run.threadId);
        const lines = emu
          .messagesIn(emu.ids.channelId)
          .filter((m) => (m.flags & ephemeral) === 0)
          .filter((m) => m.content.includes(runId) || m.id === run.rootMessageId);
        expect(lines).toHaveLength(1);
        expect(emu.messagesIn(run.threadId).filter((m) => m.content.includes('**Pong**'))).toHaveLength(1);
        expect((await stores.runStore.listRecent(10)).map((r) => r.runId)).toEqual([runId]);
        await eventually(
          async () =>
            (await stores.intentStore.unsettled(new Date(Date.now() + 60_000), 10)).length === 0 ? true : undefined,
          'intent settled',
          10_000,
        );
        if (step === 'intended') {
          // Never acknowledged: there is no private reply to complete (Discord showed the failure).
          expect(emu.originalResponse(interactionId)).toBeUndefined();
        } else {
          // The invoker's "thinking…" became the queued confirmation, still visible to them only.
          const original = await emu.waitFor(
            () =>
              emu.originalResponse(interactionId)?.content.startsWith('Queued:') && emu.originalResponse(interactionId),
            'the original reply edited',
          );
          expect(original.content).toBe(`Queued: /ping · run ${runId}. Follow it in the thread.`);
          expect(original.flags & (ephemeral | loading)).toBe(ephemeral);
        }
        expect(emu.withoutAllowedMentions()).toEqual([]);
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

  it('tells the invoker of a recovered command that is refused privately, in their original reply, not the channel', async () => {
    const prefix = uniquePrefix();
    const { interactionId } = await killedAt(prefix, 'acked', mallory.id);
    const channelBefore = emu.messagesIn(emu.ids.channelId).filter((m) => (m.flags & ephemeral) === 0).length;
    const opts: StackOptions = { emu, redisUrl: redis.url, prefix, access };
    const bot = await startDiscordBot(opts);
    const stores = createStores({ redisUrl: redis.url, prefix });
    try {
      const original = await emu.waitFor(
        () =>
          emu.originalResponse(interactionId)?.content.includes("I don't know you yet") &&
          emu.originalResponse(interactionId),
        'the refusal in the original reply',
        20_000,
      );
      expect(original.flags & (ephemeral | loading)).toBe(ephemeral);
      expect(original.content).toContain(`(${mallory.id})`);
      expect(emu.messagesIn(emu.ids.channelId).filter((m) => (m.flags & ephemeral) === 0)).toHaveLength(channelBefore);
      expect(await stores.runStore.listRecent(10)).toEqual([]);
      expect(await stores.intentStore.unsettled(new Date(Date.now() + 60_000), 10)).toEqual([]);
      expect(emu.withoutAllowedMentions()).toEqual([]);
    } finally {
      await bot.stop();
      await stores.close();
    }
  });

  it('leaves the answer to the log when the interaction token has expired, and still runs the command', async () => {
    const prefix = uniquePrefix();
    const { runId, interactionId } = await killedAt(prefix, 'acked', alice.id);
    emu.expireInteractionTokens();
    const opts: StackOptions = { emu, redisUrl: redis.url, prefix, access };
    const worker = startDiscordWorker(opts);
    const bot = await startDiscordBot(opts);
    const stores = createStores({ redisUrl: redis.url, prefix });
    try {
      await eventually(
        async () => ((await stores.runStore.get(runId))?.status === 'succeeded' ? true : undefined),
        'run succeeded',
        60_000,
      );
      const refused = await emu.waitFor(
        () => emu.state.requests.find((r) => r.method === 'PATCH' && r.path.includes('/webhooks/') && r.status === 401),
        'the late edit refused',
      );
      expect(refused.status).toBe(401);
      // Discord refused the edit: the reply still shows "thinking…" (the Queued line went to the log).
      expect((emu.originalResponse(interactionId)?.flags ?? 0) & loading).toBe(loading);
      await eventually(
        async () =>
          (await stores.intentStore.unsettled(new Date(Date.now() + 60_000), 10)).length === 0 ? true : undefined,
        'intent settled',
        10_000,
      );
    } finally {
      await bot.stop();
      await worker.stop();
      await stores.close();
    }
  });
});
