import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { silentLogger } from '../../src/log.js';
import { freePort, type PrivateRedis } from '../../src/store/private-redis.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { findComponent } from '../../lab/emulators/discord/interaction-payloads.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import type { FakeMessage } from '../../lab/emulators/slack/slack-store.js';
import { startTestRedis } from './core-harness.js';
import { writeE2eConfig } from './e2e-config.js';
import { runCli, spawnService, type ServiceProcess, type SpawnOptions } from './e2e-service-process.js';

const alice = { name: 'alice', role: 'operator' as const, discordId: '120000000000000001', slackId: 'U0ALICE01' };
const kid = { name: 'kid', role: 'family' as const, discordId: '120000000000000002', slackId: 'U0KID0001' };
const slackSecrets = { botToken: 'xoxb-e2e-process-token', signingSecret: 'e2e-process-signing-secret' };
const slackChannel = 'C0CHAN001';
const slow = 30_000;

const isPrivate = (m: StoredMessage): boolean => (m.flags & 64) !== 0;
const discordButton = (m: StoredMessage): string =>
  (m.components[0] as { components: { custom_id: string }[] }).components[0]!.custom_id;
type SlackActions = { type: string; elements: { action_id: string }[] };
const slackActions = (m: FakeMessage | undefined): SlackActions | undefined =>
  m?.blocks.find((b) => (b as SlackActions).type === 'actions') as SlackActions | undefined;
const slackButton = (m: FakeMessage): string => slackActions(m)?.elements[0]?.action_id ?? '';
/** Thread roots in the channel; status lines get edited, so a new run is found by its new root. */
const threadRoots = (emu: DiscordEmulator): StoredMessage[] =>
  emu.messagesIn(emu.ids.channelId).filter((m) => m.threadId !== null);
const newRoot = (emu: DiscordEmulator, before: ReadonlySet<string>): StoredMessage | undefined =>
  threadRoots(emu).find((m) => !before.has(m.id));

describe('processes end to end: `homelab-bot bot` + `homelab-bot worker` against the Discord and Slack emulators', () => {
  let redis: PrivateRedis;
  let emu: DiscordEmulator;
  let fake: SlackEmulator;
  let dir = '';
  let botSpec: SpawnOptions;
  let workerSpec: SpawnOptions;
  let bot: ServiceProcess;
  let worker: ServiceProcess;
  const retired: ServiceProcess[] = [];

  beforeAll(async () => {
    redis = await startTestRedis();
    emu = await startDiscordEmulator({
      users: [
        { id: alice.discordId, username: 'alice', roleIds: [] },
        { id: kid.discordId, username: 'kid', roleIds: [] },
      ],
    });
    fake = await startSlackEmulator({ ...slackSecrets, users: { [alice.slackId]: 'alice', [kid.slackId]: 'kid' } });
    const slackPort = await freePort();
    const written = await writeE2eConfig({
      discord: {
        token: emu.token,
        applicationId: emu.ids.applicationId,
        guildId: emu.ids.guildId,
        channelId: emu.ids.channelId,
        apiUrl: emu.apiUrl,
      },
      slack: { ...slackSecrets, channelId: slackChannel, port: slackPort, apiUrl: fake.apiUrl },
      people: [alice, kid],
      redisUrl: redis.url,
    });
    dir = written.dir;
    botSpec = { role: 'bot', configPath: written.configPath, cwd: dir, httpPort: await freePort() };
    workerSpec = { role: 'worker', configPath: written.configPath, cwd: dir, httpPort: await freePort() };
    const [b, w] = await Promise.allSettled([spawnService(botSpec), spawnService(workerSpec)]);
    // Assign whichever started, so afterAll stops it even when the other failed.
    if (b.status === 'fulfilled') bot = b.value;
    if (w.status === 'fulfilled') worker = w.value;
    if (b.status === 'rejected') throw b.reason as Error;
    if (w.status === 'rejected') throw w.reason as Error;
    fake.setBotUrl(`http://127.0.0.1:${slackPort}/slack/events`);
  });
  afterAll(async () => {
    // beforeAll may have failed before both processes started.
    const started = [bot as ServiceProcess | undefined, worker as ServiceProcess | undefined, ...retired].filter(
      (p) => p !== undefined,
    );
    const running = started.filter((p) => p.child.exitCode === null && p.child.signalCode === null);
    await Promise.all(running.map((p) => p.stop('SIGKILL')));
    await emu.stop();
    await fake.close();
    await redis.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('serves /healthz from both processes, and `homelab-bot healthcheck` agrees', async () => {
    expect((await fetch(bot.healthUrl)).status).toBe(200);
    expect((await fetch(worker.healthUrl)).status).toBe(200);
    const check = await runCli(['healthcheck', '--config', botSpec.configPath], dir, {
      HTTP_PORT: String(botSpec.httpPort),
    });
    expect(check.code).toBe(0);
    const down = await runCli(['healthcheck', '--config', botSpec.configPath], dir, {
      HTTP_PORT: String(await freePort()),
    });
    expect(down.code).not.toBe(0);
  });

  describe('Discord', () => {
    let thread = '';
    let result: StoredMessage;

    // emu.slash rejects unless the interaction callback arrives inside Discord's 3 s window.
    it('defers /ping (type 5), threads the reply, and the worker posts a result with attachment and button', async () => {
      const ack = await emu.slash(alice.discordId, 'ping');
      expect(ack.callback.type).toBe(5);
      const root = await emu.waitFor(
        () => emu.messagesIn(emu.ids.channelId).find((m) => m.threadId !== null && m.content.includes('/ping')),
        'threaded reply',
        slow,
      );
      thread = root.id;
      result = await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => m.content.includes('Pong')),
        'Pong in thread',
        slow,
      );
      const file = result.attachments.find((a) => a.filename === 'ping.txt');
      expect(emu.attachmentContent(file?.id ?? 'missing').toString()).toContain(`worker pid ${worker.pid}`);
      expect(discordButton(result)).toMatch(/^act:[A-Za-z0-9_-]{22}$/);
    });

    it("refuses the family member's click on the operator button", async () => {
      await emu.click(result.id, discordButton(result), kid.discordId);
      const refusal = await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => isPrivate(m) && m.content.includes('for the operator')),
        'refusal',
        slow,
      );
      expect(refusal.content).toContain('Acknowledge');
      expect(emu.messagesIn(thread).some((m) => m.content.includes('clicked'))).toBe(false);
    });

    it("runs the operator's click once and refuses a second (stale) click", async () => {
      const id = discordButton(result);
      await emu.click(result.id, id, alice.discordId);
      await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => m.content.includes('Acknowledged by alice')),
        'ack job result',
        slow,
      );
      await emu.waitFor(
        () => findComponent(emu.state.messages.get(result.id)!.components, id)?.['disabled'] === true,
        'button disabled',
        slow,
      );
      await emu.click(result.id, id, alice.discordId, { stale: true });
      await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => isPrivate(m) && m.content.includes('already used')),
        'second click refused',
        slow,
      );
      expect(emu.messagesIn(thread).filter((m) => m.content.includes('clicked Acknowledge'))).toHaveLength(1);
    });

    it('refuses a forged custom id', async () => {
      const outsider = new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: silentLogger() });
      const posted = await outsider.post(
        { platform: 'discord', channelId: emu.ids.channelId, threadId: thread },
        {
          text: 'forged',
          buttons: [
            { id: 'act:AAAAAAAAAAAAAAAAAAAAAA', label: 'x', style: 'danger' },
            { id: 'act:../../etc', label: 'y', style: 'danger' },
          ],
        },
      );
      await emu.click(posted.messageId, 'act:../../etc', alice.discordId);
      await emu.click(posted.messageId, 'act:AAAAAAAAAAAAAAAAAAAAAA', alice.discordId);
      await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => isPrivate(m) && m.content.includes("isn't one I recognise")),
        'forged refused',
        slow,
      );
      await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => isPrivate(m) && m.content.includes('unknown or too old')),
        'unknown id refused',
        slow,
      );
      expect(emu.messagesIn(thread).filter((m) => m.content.includes('clicked'))).toHaveLength(1);
    });

    it('refuses /status to family, pointing at /request, /requests and /report, and gives the operator the report', async () => {
      await emu.slash(kid.discordId, 'status');
      const refusal = await emu.waitFor(
        () => emu.messagesIn(emu.ids.channelId).find((m) => m.content.includes('/status is for the operator')),
        'status refused',
        slow,
      );
      expect(refusal.content).toContain('/request, /requests and /report');
      expect(refusal.threadId).toBeNull();
      const before = new Set(threadRoots(emu).map((m) => m.id));
      await emu.slash(alice.discordId, 'status');
      const root = await emu.waitFor(() => newRoot(emu, before), 'status thread', slow);
      const report = await emu.waitFor(
        () => emu.messagesIn(root.id).find((m) => m.content.includes('Bot status')),
        'status report',
        slow,
      );
      expect(report.content).toMatch(/homelab-bot \d+\.\d+\.\d+, worker up \d/);
      expect(report.content).toMatch(/\*\*Queue:\*\* waiting \d+ · active \d+ · delayed \d+ · failed \d+/);
      expect(report.content).toContain('**Drift audit:** not run yet');
      expect(report.content).toMatch(/\/ping {2}succeeded {2}by alice \(discord\)/);
    });
  });

  describe('Slack (HTTP mode)', () => {
    let thread = '';
    let result: FakeMessage;

    it('acks /ping, threads the public reply, and the worker posts a result with attachment and button', async () => {
      expect(await fake.slash(alice.slackId, '/ping', '', { channel: slackChannel })).toEqual({
        status: 200,
        body: '',
        timedOut: false,
      });
      const root = await fake.waitFor(
        () => fake.messagesIn(slackChannel).find((m) => m.text.includes('/ping')),
        slow,
        'public reply',
      );
      thread = root.ts;
      result = await fake.waitFor(
        () => fake.messagesIn(slackChannel, thread).find((m) => m.text.includes('Pong')),
        slow,
        'Pong in thread',
      );
      expect(slackButton(result)).toMatch(/^act:[A-Za-z0-9_-]{22}$/);
      const file = await fake.waitFor(
        () => fake.filesIn(slackChannel, thread).find((f) => f.filename === 'ping.txt'),
        slow,
        'ping.txt',
      );
      expect(file.bytes?.toString()).toContain(`worker pid ${worker.pid}`);
    });

    it('refuses the family click, runs the operator click once, refuses the second click and a forged id', async () => {
      const id = slackButton(result);
      await fake.clickButton(result.ts, id, undefined, kid.slackId);
      await fake.waitFor(
        () => fake.ephemeralsFor(kid.slackId).find((m) => m.text.includes('for the operator')),
        slow,
        'family refused',
      );
      await fake.clickButton(result.ts, id, undefined, alice.slackId);
      await fake.waitFor(
        () => fake.messagesIn(slackChannel, thread).find((m) => m.text.includes('Acknowledged by alice')),
        slow,
        'ack job result',
      );
      await fake.clickButton(result.ts, id, undefined, alice.slackId);
      await fake.waitFor(
        () => fake.ephemeralsFor(alice.slackId).find((m) => m.text.includes('already used')),
        slow,
        'second click refused',
      );
      await fake.clickButton(result.ts, 'act:../../etc', undefined, alice.slackId);
      await fake.waitFor(
        () => fake.ephemeralsFor(alice.slackId).find((m) => m.text.includes("isn't one I recognise")),
        slow,
        'forged refused',
      );
      expect(fake.messagesIn(slackChannel, thread).filter((m) => m.text.includes('clicked Acknowledge'))).toHaveLength(
        1,
      );
    });

    it('refuses /status to family and answers 401 to a bad signature', async () => {
      await fake.slash(kid.slackId, '/status', '', { channel: slackChannel });
      const refusal = await fake.waitFor(
        () => fake.ephemeralsFor(kid.slackId).find((m) => m.text.includes('/status is for the operator')),
        slow,
        'status refused',
      );
      expect(refusal.text).toContain('/request, /requests and /report');
      const body = new URLSearchParams({
        command: '/ping',
        text: '',
        user_id: alice.slackId,
        channel_id: slackChannel,
      }).toString();
      const forged = await fake.sendWithSignature(body, `v0=${'0'.repeat(64)}`);
      expect(forged.status).toBe(401);
    });
  });

  it('stops on SIGTERM within its shutdown deadline while Discord never answers an ack, and runs nothing', async () => {
    const before = new Set(threadRoots(emu).map((m) => m.id));
    emu.failAcks('silent', 10);
    const fault = emu.state.ackFaults[0]!;
    const ack = emu.slash(alice.discordId, 'ping').then(
      () => 'acked',
      () => 'no ack',
    );
    await emu.waitFor(() => (fault.remaining < 10 ? true : undefined), 'the ack on its way', slow);
    const old = bot;
    retired.push(old);
    // Docker sends SIGKILL 10 s after SIGTERM; the bot's own deadline is 8 s (config `shutdownDeadline`).
    const code = await Promise.race([
      old.stop('SIGTERM'),
      new Promise<'still running'>((resolve) =>
        setTimeout(() => {
          resolve('still running');
        }, 10_000),
      ),
    ]);
    emu.state.ackFaults.splice(0);
    expect(code).toBe(0);
    expect(await ack).toBe('no ack');
    expect(old.output()).toContain('interaction ack lost');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(newRoot(emu, before)).toBeUndefined();
    bot = await spawnService(botSpec);
  });

  it('delivers into the original thread while the bot is stopped, and the restarted bot takes the click', async () => {
    const before = new Set(threadRoots(emu).map((m) => m.id));
    await emu.slash(alice.discordId, 'ping', { delay: 2 });
    expect(await bot.stop('SIGTERM')).toBe(0);
    retired.push(bot);
    // The bot drained the acknowledged interaction before exiting: the thread and the job exist.
    const root = newRoot(emu, before);
    expect(root).toBeDefined();
    const pong = await emu.waitFor(
      () => emu.messagesIn(root!.id).find((m) => m.content.includes('Pong')),
      'Pong while the bot is down',
      slow,
    );
    expect(emu.connected()).toBe(0);
    bot = await spawnService(botSpec);
    await emu.click(pong.id, discordButton(pong), alice.discordId);
    await emu.waitFor(
      () => emu.messagesIn(root!.id).find((m) => m.content.includes('Acknowledged by alice')),
      'click after restart',
      slow,
    );
  });

  it('a worker killed with SIGKILL mid-job: a new worker process completes the job and posts once', async () => {
    const before = new Set(threadRoots(emu).map((m) => m.id));
    await emu.slash(alice.discordId, 'ping', { delay: 3 });
    const root = await emu.waitFor(() => newRoot(emu, before), 'thread', slow);
    await emu.waitFor(
      () => emu.state.messages.get(root.id)?.content.includes('waiting 3s'),
      'first worker in its delay',
      slow,
    );
    expect(await worker.stop('SIGKILL')).toBeNull();
    retired.push(worker);
    worker = await spawnService(workerSpec);
    await emu.waitFor(() => emu.state.messages.get(root.id)?.content.startsWith('✅ Done'), 'status line done', 60_000);
    const pongs = emu.messagesIn(root.id).filter((m) => m.content.includes('Pong'));
    expect(pongs).toHaveLength(1);
    const file = pongs[0]!.attachments.find((a) => a.filename === 'ping.txt');
    expect(emu.attachmentContent(file?.id ?? 'missing').toString()).toContain(`worker pid ${worker.pid}`);
  });

  it('never writes a secret into the processes’ logs, and the emulators saw no spec violations', () => {
    const logs = [bot, worker, ...retired].map((p) => p.output()).join('\n');
    expect(logs).toContain('service started');
    for (const secret of [emu.token, slackSecrets.botToken, slackSecrets.signingSecret])
      expect(logs).not.toContain(secret);
    expect(emu.state.violations).toEqual([]);
  });
});
