import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { schedulesSchema } from '../../src/config/schedules-schema.js';
import { runAudit } from '../../src/drift/run-audit.js';
import { wired } from './wired.js';
import { scheduledDriftAudit } from '../../src/commands/drift/scheduled-drift-audit.js';
import { createScheduleStateStore, type ScheduleStateStore } from '../../src/jobs/schedule-state.js';
import { startSchedules } from '../../src/jobs/schedules.js';
import { startWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores } from '../../src/store/stores.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { plantEnvDrift, requireLab, startLab, type Lab } from '../../lab/index.js';
import { eventually, startTestRedis, uniquePrefix } from './core-harness.js';
import { labAuditConfig, labAuditDeps } from './drift-harness.js';
import { bindJobs } from '../../src/commands/registry.js';

const log = silentLogger();
const pihole = { stack: 'dns-pihole', service: 'pihole' };

describe('scheduled drift audits post only changes (BullMQ job scheduler, real worker, lab, Discord emulator)', () => {
  let lab: Lab | undefined;
  let redis: PrivateRedis | undefined;
  let emu: DiscordEmulator | undefined;
  let client: Redis | undefined;
  let state: ScheduleStateStore | undefined;
  const stops: (() => Promise<void>)[] = [];

  /** Waits for two more completed runs, so at least one started after the caller's change. */
  const twoMoreRuns = async (): Promise<void> => {
    if (state === undefined) throw new Error('setup failed');
    const s = state;
    const target = (await s.get('drift-audit')).runs + 2;
    await eventually(
      async () => ((await s.get('drift-audit')).runs >= target ? true : undefined),
      `${String(target)} scheduled runs`,
      240_000,
    );
  };
  /**
   * Changes the lab while holding the schedule's own lock, so no tick audits a half-recreated
   * container (that would be a real, but different, change: "container missing").
   */
  const quietly = async (change: () => Promise<unknown>): Promise<void> => {
    if (state === undefined) throw new Error('setup failed');
    const s = state;
    await eventually(
      async () => ((await s.lock('drift-audit', 'test', 600_000)) ? true : undefined),
      'schedule lock',
      240_000,
    );
    try {
      await change();
    } finally {
      await s.unlock('drift-audit', 'test');
    }
  };
  const roots = (): StoredMessage[] =>
    emu === undefined
      ? []
      : emu.messagesIn(emu.ids.channelId).filter((m) => m.content.includes('Scheduled drift audit'));
  const threadText = (root: StoredMessage): string => {
    const e = emu;
    if (e === undefined) return '';
    return e
      .messagesIn(root.id)
      .map((m) => [m.content, ...m.attachments.map((a) => e.attachmentContent(a.id).toString('utf8'))].join('\n'))
      .join('\n');
  };

  beforeAll(async () => {
    await requireLab();
    lab = await startLab({ name: 'ops-schedules' });
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [] });
    const prefix = uniquePrefix();
    client = new Redis(redis.url);
    state = createScheduleStateStore(client, prefix);
    const stores = createStores({ redisUrl: redis.url, prefix });
    const chat = new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: log });
    const deps = labAuditDeps(lab, labAuditConfig(lab), log);
    const schedules = startSchedules({
      redisUrl: redis.url,
      prefix: `${prefix}bull`,
      keyPrefix: prefix,
      log,
      tasks: [
        scheduledDriftAudit(
          () => runAudit(deps, {}),
          schedulesSchema.parse({ driftAudit: { every: '2s' } }).driftAudit!,
        ),
      ],
      chats: { discord: chat },
      targets: [{ platform: 'discord', channelId: emu.ids.channelId }],
      runStore: stores.runStore,
    });
    await schedules.reconcile();
    const worker = startWorker({
      redisUrl: redis.url,
      prefix: `${prefix}bull`,
      jobs: bindJobs(wired(stores)),
      chats: { discord: chat },
      ...stores,
      log,
      extraHandlers: schedules.handlers,
    });
    stops.push(
      () => worker.close(),
      () => schedules.close(),
      () => stores.close(),
    );
  }, 900_000);

  afterAll(async () => {
    for (const stop of stops) await stop();
    await client?.quit();
    await emu?.stop();
    await redis?.stop();
    await lab?.stop();
  }, 120_000);

  it('posts nothing while nothing drifts', async () => {
    await twoMoreRuns();
    expect(roots()).toEqual([]);
    expect((await state?.get('drift-audit'))?.posts).toBe(0);
  }, 300_000);

  it('posts once after drift is planted, naming the drifted field, and not again while it stays', async () => {
    if (lab === undefined) throw new Error('setup failed');
    const l = lab;
    await quietly(() => plantEnvDrift(l, { ...pihole, key: 'TZ', value: 'UTC' }));
    await twoMoreRuns();
    const posted = roots();
    expect(posted).toHaveLength(1);
    expect(posted[0]?.content).toContain('1 new');
    const text = threadText(posted[0]!);
    expect(text).toContain('ct-docker-01/dns-pihole/pihole `environment.TZ`');
    expect(text).toContain('`Europe/Berlin` → `UTC`');
    const files = emu?.messagesIn(posted[0]!.id).flatMap((m) => m.attachments.map((a) => a.filename));
    expect(files).toEqual(expect.arrayContaining(['drift-report.md', 'drift-report.json']));
    await twoMoreRuns();
    expect(roots()).toHaveLength(1);
  }, 480_000);

  it('posts once more when the drift is resolved, then stays quiet', async () => {
    if (lab === undefined) throw new Error('setup failed');
    const l = lab;
    await quietly(() => plantEnvDrift(l, { ...pihole, key: 'TZ', value: 'Europe/Berlin' }));
    await twoMoreRuns();
    const posted = roots();
    expect(posted).toHaveLength(2);
    expect(posted[1]?.content).toContain('1 resolved');
    expect(threadText(posted[1]!)).toContain('Resolved (1):');
    await twoMoreRuns();
    expect(roots()).toHaveLength(2);
    expect(emu?.state.violations).toEqual([]);
  }, 480_000);
});
