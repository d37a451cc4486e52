import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { runAudit } from '../../src/drift/run-audit.js';
import { driftAuditProcessor } from '../../src/commands/drift/drift-audit-processor.js';
import { wired } from './wired.js';
import { startWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores } from '../../src/store/stores.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { plantEnvDrift, plantImageDrift, requireLab, startLab, type Lab } from '../../lab/index.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { startDiscordBot, type StackOptions } from './discord-stack.js';
import { labAuditConfig, labAuditDeps } from './drift-harness.js';
import { bindJobs } from '../../src/commands/registry.js';

const alice = { id: '120000000000000001', username: 'alice', roleIds: [] };
const access = { people: [{ name: 'alice', role: 'operator' as const, discordId: alice.id }] };
const log = silentLogger();

/** The worker with the real drift processor wired to the lab (what the composition root does with `driftProcessors`). */
function startDriftWorker(o: StackOptions, lab: Lab): { stop(): Promise<void> } {
  const stores = createStores({ redisUrl: o.redisUrl, prefix: o.prefix });
  const chat = new DiscordChat({ token: o.emu.token, apiUrl: o.emu.apiUrl, logger: log });
  const deps = labAuditDeps(lab, labAuditConfig(lab), log);
  const audit = driftAuditProcessor({ audit: (options) => runAudit(deps, options) });
  const worker = startWorker({
    redisUrl: o.redisUrl,
    prefix: `${o.prefix}bull`,
    jobs: bindJobs({ ...wired(stores), 'drift.audit': audit }),
    chats: { discord: chat },
    ...stores,
    log,
  });
  return {
    stop: async () => {
      await worker.close();
      await stores.close();
    },
  };
}

describe('/drift audit through Discord (emulator, real bot, worker and lab)', () => {
  let lab: Lab | undefined;
  let redis: PrivateRedis | undefined;
  let emu: DiscordEmulator | undefined;
  let bot: Awaited<ReturnType<typeof startDiscordBot>> | undefined;
  let worker: { stop(): Promise<void> } | undefined;

  beforeAll(async () => {
    await requireLab();
    lab = await startLab({ name: 'audit-discord' });
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [alice] });
    const opts: StackOptions = { emu, redisUrl: redis.url, prefix: uniquePrefix(), access };
    bot = await startDiscordBot(opts);
    worker = startDriftWorker(opts, lab);
  }, 900_000);

  afterAll(async () => {
    await bot?.stop();
    await worker?.stop();
    await emu?.stop();
    await redis?.stop();
    await lab?.stop();
  }, 120_000);

  it('posts the summary, one thread message per drifted service and its diff attachment', async () => {
    if (lab === undefined || emu === undefined) throw new Error('setup failed');
    const e = emu;
    await plantEnvDrift(lab, { stack: 'dns-pihole', service: 'pihole', key: 'TZ', value: 'UTC' });
    await plantImageDrift(lab, { stack: 'infra-core', service: 'whoami' });

    const ack = await e.slash(alice.id, 'drift audit');
    expect(ack.callback.type).toBe(5);
    const root = await e.waitFor(
      () => e.messagesIn(e.ids.channelId).find((m) => m.threadId !== null),
      'threaded reply',
    );
    const thread = root.id;
    const summary = await e.waitFor(
      () => e.messagesIn(thread).find((m) => m.content.includes('Services: 12 audited, 2 drifted')),
      'audit summary',
      240_000,
    );
    expect(summary.content).toContain('Hosts: 2/2 audited');
    expect(summary.content).toMatch(/Commit: [0-9a-f]{12}/);
    expect(summary.attachments.map((a) => a.filename).sort()).toEqual(['drift-report.json', 'drift-report.md']);

    const messages = e.messagesIn(thread);
    const pihole = messages.find((m) => m.content.includes('ct-docker-01/dns-pihole/pihole'));
    const whoami = messages.find((m) => m.content.includes('ct-docker-01/infra-core/whoami'));
    expect(pihole?.content).toContain('`environment.TZ`: `Europe/Berlin` → `UTC`');
    expect(whoami?.content).toContain('`image.tag`');
    const diff = (m: StoredMessage | undefined): string => {
      const a = m?.attachments.find((x) => x.filename.endsWith('.diff'));
      return a === undefined ? '' : e.attachmentContent(a.id).toString('utf8');
    };
    expect(pihole?.attachments.map((a) => a.filename)).toEqual(['ct-docker-01_dns-pihole_pihole.diff']);
    expect(diff(pihole)).toContain('-    TZ: Europe/Berlin\n+    TZ: UTC');
    expect(diff(whoami)).toMatch(/^--- git\/ct-docker-01\/infra-core\/whoami$/m);

    const json = JSON.parse(
      e.attachmentContent(summary.attachments.find((a) => a.filename === 'drift-report.json')!.id).toString('utf8'),
    ) as { items: { service: string }[] };
    expect(new Set(json.items.map((i) => i.service))).toEqual(new Set(['pihole', 'whoami']));
    const everything = messages
      .map((m) => [m.content, ...m.attachments.map((a) => e.attachmentContent(a.id).toString('utf8'))].join('\n'))
      .join('\n');
    expect(everything).not.toContain('lab-secret-');
    expect(e.state.violations).toEqual([]);
  }, 600_000);
});
