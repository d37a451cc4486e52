import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { loadSecretBook } from '../../src/config/secret-book.js';
import { appConfigSchema, type AppConfig } from '../../src/config/schema.js';
import { createForge } from '../../src/forge/create-forge.js';
import { realAdapters } from '../../src/app/real-adapters.js';
import { bindJobs, wireFeatures } from '../../src/commands/registry.js';
import { recordRefusedClicks } from '../../src/commands/remediation/remediation-wiring.js';
import { startWorker } from '../../src/jobs/worker.js';
import { createLogger, redactorOf } from '../../src/log.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores, type Stores } from '../../src/store/stores.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { startPlexEmulator, type PlexEmulator } from '../../lab/emulators/plex/plex-emulator.js';
import { startRadarrEmulator, type RadarrEmulator } from '../../lab/emulators/radarr/radarr-emulator.js';
import { requireLab, startLab, type Lab } from '../../lab/index.js';
import { freePort } from '../../lab/lab-paths.js';
import { composeContainer } from '../../lab/compose-edit.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { startDiscordBot } from './discord-stack.js';
import { startSlackBot } from './slack-stack.js';
import { SlackChat } from '../../src/bot/slack/slack-chat.js';
import { createSlackWebClient } from '../../src/bot/slack/slack-web-client.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import { hostConfigOf } from './infra-helpers.js';
import { bareGit, buttonOf } from './remediation-harness.js';
import { allSecretValues, botEnv, corpus, dumpRedis, leakOf, plantCorpus, publicEnv } from './secrets-corpus.js';

const alice = { id: '120000000000000001', username: 'alice', roleIds: [] };
const slackAlice = 'U0ALICE01';
const slackChannel = 'C0CHAN001';
const slackSecrets = { botToken: 'xoxb-corpus-token', signingSecret: 'corpus-signing-secret' };
const access = { people: [{ name: 'alice', role: 'operator' as const, discordId: alice.id, slackId: slackAlice }] };
const SLOW = 300_000;

describe('secret policy: a seeded corpus leaks nowhere (lab, Discord emulator, plain-git PRs, Redis, logs, /metrics)', () => {
  let lab: Lab | undefined;
  let redis: PrivateRedis | undefined;
  let emu: DiscordEmulator | undefined;
  let slack: SlackEmulator | undefined;
  let radarr: RadarrEmulator | undefined;
  let plex: PlexEmulator | undefined;
  let botDir = '';
  const logLines: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  let metrics: ReturnType<typeof createMetrics> | undefined;
  let stores: Stores | undefined;

  async function configFor(l: Lab): Promise<AppConfig> {
    const closed = await freePort();
    return appConfigSchema.parse({
      // readHostEnv left to its default (true); deployDir names where the stack folders live.
      hosts: l.hosts.map((h) => {
        const { readHostEnv: _default, ...host } = hostConfigOf(h, {}, { deployDir: `${h.checkout}/stacks` });
        return host;
      }),
      apps: { url: `file://${l.apps.remote}`, branch: 'main', forge: { type: 'git' } },
      media: {
        radarr: { url: radarr!.url, apiKey: botEnv['RADARR_API_KEY'] },
        plex: { url: plex!.url, token: botEnv['PLEX_TOKEN'] },
        prowlarr: {
          url: `http://admin:${botEnv['PROWLARR_PASSWORD']!}@127.0.0.1:${String(closed)}`,
          apiKey: botEnv['PROWLARR_API_KEY'],
        },
      },
    });
  }

  beforeAll(async () => {
    await requireLab();
    lab = await startLab({ name: 'secrets-corpus' });
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [alice] });
    slack = await startSlackEmulator({ ...slackSecrets, users: { [slackAlice]: 'alice' } });
    radarr = await startRadarrEmulator({ apiKey: botEnv['RADARR_API_KEY']! });
    plex = await startPlexEmulator({ token: botEnv['PLEX_TOKEN']! });
    await plantCorpus(lab);
    botDir = await mkdtemp(join(tmpdir(), 'hlb-corpus-bot-'));
    await writeFile(
      join(botDir, '.env'),
      Object.entries(botEnv)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
    const config = await configFor(lab);
    const book = await loadSecretBook(config, { env: {}, configPath: join(botDir, 'config.yaml'), cwd: botDir });
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        logLines.push(chunk.toString());
        cb();
      },
    });
    const log = createLogger({ level: 'debug', secrets: book }, sink);
    const prefix = uniquePrefix();
    stores = createStores({ redisUrl: redis.url, prefix });
    metrics = createMetrics({ defaultMetrics: false, redact: redactorOf(log) });
    const cacheDir = `${lab.stateDir}/corpus-cache`;
    const forge = createForge(config.apps!, { log, workDir: `${lab.stateDir}/corpus-forge` })!;
    const chat = new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: log });
    const slackChat = new SlackChat(
      createSlackWebClient({ ...slackSecrets, apiUrl: slack.apiUrl, retries: 0 }, log),
      log,
    );
    const worker = startWorker({
      redisUrl: redis.url,
      prefix: `${prefix}bull`,
      chats: { discord: chat, slack: slackChat },
      ...stores,
      log,
      metrics,
      jobs: bindJobs(
        wireFeatures({ config, log, stores, adapters: { ...realAdapters(config, log), forge }, cacheDir }),
      ),
    });
    const bot = await startDiscordBot({
      emu,
      redisUrl: redis.url,
      prefix,
      access,
      onActionRefused: recordRefusedClicks(stores.auditTrailStore),
    });
    const slackBot = await startSlackBot({ fake: slack, ...slackSecrets, redisUrl: redis.url, prefix, access });
    stops.push(
      () => bot.stop(),
      () => slackBot.stop(),
      () => worker.close(),
      () => stores!.close(),
    );
  }, 900_000);

  afterAll(async () => {
    for (const stop of stops) await stop();
    await radarr?.close();
    await plex?.close();
    await emu?.stop();
    await slack?.close();
    await redis?.stop();
    await lab?.stop();
    if (botDir !== '') await rm(botDir, { recursive: true, force: true });
  }, 120_000);

  const e = (): DiscordEmulator => {
    if (emu === undefined) throw new Error('setup failed');
    return emu;
  };
  const finished = (m: StoredMessage): boolean => /(✅|⚠️|❌|💥) Done|❌ Failed|🚫 Refused/.test(m.content);

  /** Runs a slash command to its end; returns the thread id and its messages. */
  async function run(
    name: string,
    options: Record<string, string> = {},
  ): Promise<{ thread: string; messages: StoredMessage[] }> {
    const before = new Set(
      e()
        .messagesIn(e().ids.channelId)
        .map((m) => m.id),
    );
    await e().slash(alice.id, name, options);
    const root = await e().waitFor(
      () =>
        e()
          .messagesIn(e().ids.channelId)
          .find((m) => !before.has(m.id) && m.threadId !== null),
      `thread of /${name}`,
    );
    await e().waitFor(() => [root, ...e().messagesIn(root.id)].find(finished), `end of /${name}`, SLOW);
    return { thread: root.id, messages: [root, ...e().messagesIn(root.id)] };
  }
  const text = (m: StoredMessage): string =>
    [JSON.stringify(m), ...m.attachments.map((a) => e().attachmentContent(a.id).toString('utf8'))].join('\n');
  const attachment = (messages: readonly StoredMessage[], name: string): string => {
    const a = messages.flatMap((m) => m.attachments).find((x) => x.filename === name);
    return a === undefined ? '' : e().attachmentContent(a.id).toString('utf8');
  };
  const prs: { number: number; branch: string }[] = [];
  /** What each PR added to git (diff `+` lines: git literals were in git before the bot) and its commit messages. */
  const prAdded: string[] = [];

  it(
    'audits: every planted secret is reported as a drift, masked, never its value',
    async () => {
      const { messages } = await run('drift audit');
      const report = JSON.parse(attachment(messages, 'drift-report.json')) as {
        items: {
          stack: string;
          service: string;
          path: string;
          kind: string;
          actual: string | null;
          expected: string | null;
        }[];
      };
      for (const p of corpus) {
        const item = report.items.find(
          (i) => i.stack === p.stack && i.service === p.service && i.path === `environment.${p.key}`,
        );
        if (p.key === 'API_TOKEN') {
          expect(item, 'an unchanged git literal is no drift').toBeUndefined();
          continue;
        }
        expect(item, `${p.stack}/${p.service} ${p.key}`).toBeDefined();
        expect(item?.actual).toMatch(/^•••• ?(\(changed\))?$/);
        if (p.via === 'git-literal')
          expect(item).toMatchObject({ kind: 'changed', expected: '••••', actual: '•••• (changed)' });
      }
      for (const [k, v] of Object.entries(publicEnv)) {
        expect(report.items.find((i) => i.service === 'grafana' && i.path === `environment.${k}`)?.actual, k).toBe(v);
      }
    },
    SLOW,
  );

  it(
    '/drift fix + Approve: ${VAR} for each secret, a literal for each allow-listed name, merged',
    async () => {
      const remote = lab!.apps.remote;
      for (const [stack, service] of [
        ['observability', 'grafana'],
        ['infra-core', 'whoami'],
      ] as const) {
        const { messages } = await run('drift fix', { stack, service });
        const opened = messages.find((m) => /PR #\d+ opened/.test(m.content));
        expect(opened, messages.map((m) => m.content).join('\n')).toBeDefined();
        const number = Number(/PR #(\d+)/.exec(opened!.content)?.[1]);
        const record = JSON.parse(
          await bareGit(remote, ['show', `refs/homelab-bot/pulls/${String(number)}:pull.json`]),
        ) as { branch: string };
        prs.push({ number, branch: record.branch });
        const diff = await bareGit(remote, ['diff', `main...${record.branch}`]);
        prAdded.push(
          diff
            .split('\n')
            .filter((l) => l.startsWith('+'))
            .join('\n'),
          await bareGit(remote, ['log', '--format=%B', `main..${record.branch}`]),
        );
        for (const p of corpus.filter((c) => c.service === service && c.key !== 'API_TOKEN')) {
          expect(diff, p.key).toMatch(new RegExp(`^\\+.*${p.key}.*\\$\\{${p.key}\\}`, 'm'));
          expect(diff, `${p.key} in .env.sample`).toMatch(new RegExp(`^\\+${p.key}=changeme$`, 'm'));
        }
        if (service === 'grafana') {
          for (const [k, v] of Object.entries(publicEnv))
            expect(diff, k).toMatch(new RegExp(`^\\+.*${k}[=:] ?"?${v}"?$`, 'm'));
          await e().click(opened!.id, buttonOf(opened!, 'Approve'), alice.id);
          await e().waitFor(
            () =>
              e()
                .messagesIn(opened!.channelId)
                .find((m) => m.content.includes(`PR #${String(number)} merged`)),
            'merged',
            SLOW,
          );
        }
      }
    },
    SLOW * 2,
  );

  it(
    'runs the audit and /health through Slack too',
    async () => {
      const fake = slack!;
      for (const [command, text] of [
        ['/drift', 'audit'],
        ['/health', ''],
      ] as const) {
        const before = fake.messagesIn(slackChannel).length;
        await fake.slash(slackAlice, command, text, { channel: slackChannel });
        const root = await fake.waitFor(
          () =>
            fake
              .messagesIn(slackChannel)
              .slice(before)
              .find((m) => m.threadTs === undefined || m.threadTs === m.ts),
          20_000,
          `root of ${command}`,
        );
        await fake.waitFor(
          () =>
            fake.store.messages.find(
              (m) =>
                (m.threadTs === root.ts || m.ts === root.ts) && /(✅|⚠️|❌|💥) Done|❌ Failed|🚫 Refused/.test(m.text),
            ),
          SLOW,
          `end of ${command} ${text}`,
        );
      }
      expect([...fake.store.files.values()].some((f) => f.filename === 'drift-report.json')).toBe(true);
    },
    SLOW * 2,
  );

  it(
    '/health, /catalog and a failing run finish',
    async () => {
      const health = await run('health');
      expect(health.messages.some((m) => m.attachments.some((a) => a.filename === 'health-report.md'))).toBe(true);
      const catalog = await run('catalog');
      expect(attachment(catalog.messages, 'catalog.md')).toContain('grafana');
      const failed = await run('drift fix', { stack: 'dns-pihole', service: 'pihole' });
      expect(failed.messages.some((m) => /❌ Failed|🚫 Refused/.test(m.content))).toBe(true);
    },
    SLOW * 2,
  );

  it(
    'no value, nor any 16-character run of one, is in chat, PRs, logs, Redis or /metrics',
    async () => {
      const remote = lab!.apps.remote;
      const slackText = [
        ...slack!.store.messages.map((m) => JSON.stringify(m)),
        ...[...slack!.store.files.values()].map((f) => `${f.filename}\n${f.bytes?.toString('utf8') ?? ''}`),
      ].join('\n');
      const chatText = [...[...e().state.messages.values()].map(text), slackText].join('\n');
      expect(slackText).toContain('drift-report.json');
      const prText = [...prAdded];
      for (const pr of prs)
        prText.push(await bareGit(remote, ['log', '-p', `refs/homelab-bot/pulls/${String(pr.number)}`]));
      expect(prs.length).toBe(2);
      const dump = await dumpRedis(redis!.url);
      const outputs: Record<string, string> = {
        chat: chatText,
        pr: prText.join('\n'),
        logs: logLines.join(''),
        redis: dump,
        metrics: (await metrics!.render()).body,
      };
      expect(logLines.length).toBeGreaterThan(20);
      expect(logLines.some((l) => l.includes('"level":20'))).toBe(true);
      expect(dump).toContain('run:');
      // The detector works: the values are really there, in the containers the bot audited.
      let inspected = '';
      for (const [stack, service] of [
        ['observability', 'grafana'],
        ['infra-core', 'whoami'],
      ] as const) {
        const host = lab!.hostForStack(stack);
        inspected += (await host.docker(['inspect', await composeContainer(host, stack, service)])).stdout;
      }
      for (const p of corpus) expect(leakOf(inspected.replace(/\\n/g, '\n'), p.value), p.key).toBeDefined();
      const leaks: string[] = [];
      for (const value of allSecretValues()) {
        for (const [where, out] of Object.entries(outputs)) {
          const hit = leakOf(out, value);
          if (hit !== undefined) leaks.push(`${where}: ${hit}`);
        }
      }
      expect(leaks).toEqual([]);
    },
    SLOW,
  );
});
