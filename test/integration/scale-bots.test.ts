import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import { runIdOf } from '../../src/bot/dispatch.js';
import { freePort, type PrivateRedis } from '../../src/store/private-redis.js';
import { createStores, type Stores } from '../../src/store/stores.js';
import { eventually, startTestRedis } from './core-harness.js';
import { spawnService, type ServiceProcess, type SpawnOptions } from './e2e-service-process.js';
import { alice, people, slackChannel, slackSecrets, writeScaleConfig } from './scale-bots-config.js';

describe('two bot processes and three worker processes on one Redis (Discord and Slack emulators)', () => {
  let redis: PrivateRedis;
  let emu: DiscordEmulator;
  let slack: SlackEmulator;
  let stores: Stores;
  let dir = '';
  const services: ServiceProcess[] = [];
  const bots: ServiceProcess[] = [];
  const workers: ServiceProcess[] = [];

  const spec = async (role: SpawnOptions['role']): Promise<SpawnOptions> => ({
    role,
    configPath: join(dir, 'config.yaml'),
    cwd: dir,
    httpPort: await freePort(),
  });
  const spawn = async (role: SpawnOptions['role']): Promise<ServiceProcess> => {
    const service = await spawnService(await spec(role), 90_000);
    services.push(service);
    return service;
  };
  const runOf = (interactionId: string): string => runIdOf({ platform: 'discord', invocationId: interactionId });
  /** The public line of a run (its thread's root, as the run record says) and what was posted in the thread. */
  const threadOf = async (runId: string): Promise<StoredMessage[]> => {
    const run = await stores.runStore.get(runId);
    const root = emu.state.messages.get(run?.rootMessageId ?? '');
    return root === undefined ? [] : [root, ...emu.messagesIn(run?.threadId ?? '')];
  };
  /** Waits until the run's public line says Done; resolves with the line and the thread. */
  const finished = (runId: string): Promise<StoredMessage[]> =>
    eventually(async () => {
      const posted = await threadOf(runId);
      return posted[0]?.content.includes('Done: /ping') === true ? posted : undefined;
    }, `thread of ${runId} done`);
  const allSucceeded = async (runIds: readonly string[]): Promise<true | undefined> =>
    (await Promise.all(runIds.map((r) => stores.runStore.get(r)))).every((r) => r?.status === 'succeeded')
      ? true
      : undefined;

  beforeAll(async () => {
    redis = await startTestRedis();
    emu = await startDiscordEmulator({
      users: [...people, alice].map((p) => ({ id: p.id, username: p.name, roleIds: [] })),
    });
    slack = await startSlackEmulator({
      ...slackSecrets,
      defaultChannel: slackChannel,
      users: Object.fromEntries([...people, alice].map((p) => [p.slackId, p.name])),
    });
    dir = await writeScaleConfig(emu, slack, redis.url);
    stores = createStores({ redisUrl: redis.url, prefix: 'hlb:' });
    // One bot after the other, so session 0 is the first bot's and session 1 the second's.
    bots.push(await spawn('bot'));
    await emu.waitFor(() => emu.connected() === 1, 'first gateway session', 30_000);
    bots.push(await spawn('bot'));
    await emu.waitFor(() => emu.connected() === 2, 'second gateway session', 30_000);
    workers.push(...(await Promise.all([1, 2, 3].map(() => spawn('worker')))));
  }, 300_000);
  afterAll(async () => {
    const running = services.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
    await Promise.all(running.map((s) => s.stop('SIGKILL')));
    await stores.close();
    await emu.stop();
    await slack.close();
    await redis.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('runs each command delivered to both bots once: one ack, one 40060, one thread, one result', async () => {
    const outcomes = await Promise.all(people.map((p) => emu.slash(p.id, 'ping')));
    const ids = outcomes.map((o) => o.interactionId);
    const runIds = ids.map(runOf);
    await eventually(() => allSucceeded(runIds), 'every run succeeded', 120_000);
    // Each interaction reached both sessions; Discord took the first callback and refused the second.
    for (const id of ids) {
      expect(emu.state.callbacks.filter((c) => c.interactionId === id)).toHaveLength(1);
      expect(emu.state.refusedCallbacks.filter((r) => r.interactionId === id)).toEqual([
        { interactionId: id, code: 40060 },
      ]);
    }
    for (const runId of runIds) {
      const thread = await finished(runId);
      expect(thread.filter((m) => m.content.includes('Pong'))).toHaveLength(1);
    }
    // One public line per command in the channel, and no "already received" answer from the other bot.
    const lines = emu.messagesIn(emu.ids.channelId).filter((m) => m.threadId !== null);
    expect(lines).toHaveLength(ids.length);
    const all = [...emu.state.messages.values()];
    expect(all.filter((m) => m.content.includes('Already received'))).toEqual([]);
    // The deferred private answer of each command is written once, by one bot, and says "Queued".
    for (const o of outcomes) {
      const edits = emu.state.requests.filter(
        (r) => r.method === 'PATCH' && r.path.includes(`/webhooks/${emu.ids.applicationId}/${o.token}/`),
      );
      const answer = emu.state.messages.get(emu.state.interactions.get(o.interactionId)?.originalMessageId ?? '');
      expect({ edits: edits.map((e) => e.json), answer: answer?.content }).toMatchObject({
        edits: [expect.anything()],
        answer: expect.stringContaining('Queued: /ping'),
      });
    }
    const pids = new Set(workers.map((w) => String(w.pid)));
    for (const runId of runIds) {
      const pong = (await threadOf(runId)).find((m) => m.content.includes('Pong'));
      const file = pong?.attachments.find((a) => a.filename === 'ping.txt');
      const pid = /worker pid (\d+)/.exec(emu.attachmentContent(file?.id ?? 'missing').toString())?.[1] ?? '';
      expect(pids.has(pid)).toBe(true);
    }
  }, 180_000);

  it('runs the commands each bot alone receives once, whichever bot it is', async () => {
    const sent = await Promise.all(people.map((p, i) => emu.slash(p.id, 'ping', {}, { session: i % 2 })));
    const runIds = sent.map((o) => runOf(o.interactionId));
    await eventually(() => allSucceeded(runIds), 'every run succeeded', 120_000);
    for (const o of sent) {
      expect(emu.state.callbacks.filter((c) => c.interactionId === o.interactionId)).toHaveLength(1);
      expect(emu.state.refusedCallbacks.filter((r) => r.interactionId === o.interactionId)).toEqual([]);
    }
    for (const runId of runIds) {
      const thread = await finished(runId);
      expect(thread.filter((m) => m.content.includes('Pong'))).toHaveLength(1);
    }
    for (const bot of bots) expect((await fetch(bot.healthUrl)).status).toBe(200);
  }, 180_000);

  it('runs a button click delivered to both bots once', async () => {
    const ping = await emu.slash(alice.id, 'ping');
    const runId = runOf(ping.interactionId);
    const thread = await finished(runId);
    const pong = thread.find((m) => m.content.includes('Pong'));
    const row = pong?.components[0] as { components: { custom_id: string }[] } | undefined;
    const button = row?.components[0]?.custom_id ?? '';
    expect(button).toMatch(/^act:/);
    const click = await emu.click(pong?.id ?? '', button, alice.id);
    await emu.waitFor(
      () => emu.messagesIn(thread[0]?.id ?? '').find((m) => m.content.includes('Acknowledged by alice')),
      'the click answered',
      60_000,
    );
    expect(emu.state.callbacks.filter((c) => c.interactionId === click.interactionId)).toHaveLength(1);
    expect(emu.state.refusedCallbacks.filter((r) => r.interactionId === click.interactionId)).toHaveLength(1);
    // The bot that got 40060 neither ran the click nor told alice the button was already used.
    const all = [...emu.state.messages.values()];
    expect(all.filter((m) => m.content.includes('Acknowledged by alice'))).toHaveLength(1);
    expect(all.filter((m) => /already used|Already received/.test(m.content))).toEqual([]);
  }, 180_000);

  it("runs Slack commands spread over both bots' Socket Mode connections once each", async () => {
    expect(slack.openSockets).toBe(2);
    const before = new Set((await stores.runStore.listRecent(100)).map((r) => r.runId));
    // The emulator takes turns over the two connections, as Slack spreads payloads: three each.
    for (const p of people) expect((await slack.slash(p.slackId, '/ping', '')).timedOut).toBe(false);
    const runs = await eventually(async () => {
      const mine = (await stores.runStore.listRecent(100)).filter(
        (r) => r.platform === 'slack' && !before.has(r.runId),
      );
      return mine.length === people.length && mine.every((r) => r.status === 'succeeded') ? mine : undefined;
    }, 'six Slack runs succeeded');
    expect(new Set(runs.map((r) => r.requester.id))).toEqual(new Set(people.map((p) => p.slackId)));
    for (const run of runs) {
      const thread = slack.messagesIn(slackChannel, run.threadId);
      expect(thread.filter((m) => m.text.includes('Pong'))).toHaveLength(1);
    }
    const lines = slack.messagesIn(slackChannel).filter((m) => m.threadTs === undefined && m.ephemeralTo === undefined);
    expect(lines).toHaveLength(people.length);
  }, 180_000);
});
