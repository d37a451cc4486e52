import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { defineCheck, failed, passed, type CheckResult } from '../../src/checks/check.js';
import { scheduledHealth } from '../../src/commands/health/scheduled-health.js';
import { runScheduled, type ScheduledRunDeps } from '../../src/jobs/run-scheduled.js';
import { createScheduleStateStore } from '../../src/jobs/schedule-state.js';
import { silentLogger } from '../../src/log.js';
import { lastCheckResults } from '../../src/metrics/last-check-results.js';
import { createHealthStore } from '../../src/store/health-store.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores, type Stores } from '../../src/store/stores.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { eventually, startTestRedis, uniquePrefix } from './core-harness.js';

const log = silentLogger();

describe('scheduled health runs post only when a check flips (real Redis, Discord emulator)', () => {
  let redis: PrivateRedis;
  let emu: DiscordEmulator;
  let client: Redis;
  let stores: Stores;
  let deps: ScheduledRunDeps;
  // The VPN check's verdict for the next run: what the test flips.
  let vpn: CheckResult = passed('egress 198.51.100.7');
  const prefix = uniquePrefix();
  const vpnCheck = defineCheck({
    id: 'vpn.public-ip',
    service: 'gluetun',
    title: 'VPN egress',
    run: () => Promise.resolve(vpn),
  });
  const plexCheck = defineCheck({
    id: 'plex.reachable',
    service: 'plex',
    title: 'Plex reachable',
    run: () => Promise.resolve(passed('v1.40.5')),
  });
  const task = () =>
    scheduledHealth({
      checks: () => [vpnCheck, plexCheck],
      timeoutMs: 5_000,
      when: { everyMs: 3_600_000 },
      log,
      store: createHealthStore({ redis: client, prefix }),
    });
  const posts = (): string[] => emu.messagesIn(emu.ids.channelId).map((m) => m.content);
  const thread = (index: number): string => {
    const root = emu.messagesIn(emu.ids.channelId)[index];
    return root === undefined
      ? ''
      : emu
          .messagesIn(root.id)
          .map((m) => m.content)
          .join('\n');
  };

  beforeAll(async () => {
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [] });
    client = new Redis(redis.url);
    stores = createStores({ redisUrl: redis.url, prefix });
    deps = {
      chats: { discord: new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: log }) },
      targets: [{ platform: 'discord', channelId: emu.ids.channelId }],
      runStore: stores.runStore,
      state: createScheduleStateStore(client, prefix),
      log,
    };
  });
  afterAll(async () => {
    await stores.close();
    await client.quit();
    await emu.stop();
    await redis.stop();
  });

  it('stays quiet while every check passes', async () => {
    expect(await runScheduled(task(), 't1', deps)).toBe('unchanged');
    expect(posts()).toEqual([]);
  });

  it('posts once when a check fails, naming it and its finding, and caches the run for /metrics', async () => {
    vpn = failed({
      summary: 'Downloads leave from the home IP 203.0.113.9.',
      diagnosis: 'The VPN tunnel is down.',
      suggestion: 'Restart gluetun.',
    });
    expect(await runScheduled(task(), 't2', deps)).toBe('posted');
    expect(posts()).toEqual(['🕒 Scheduled health run: 1 new']);
    expect(thread(0)).toContain('VPN egress: fail — Downloads leave from the home IP 203.0.113.9.');
    expect(thread(0)).not.toContain('Plex reachable: ');
    expect(await lastCheckResults(createHealthStore({ redis: client, prefix }))).toEqual([
      { name: 'vpn.public-ip', status: 'fail' },
      { name: 'plex.reachable', status: 'ok' },
    ]);
  });

  it('does not post the same failure again, nor when the same tick is run twice (a retry)', async () => {
    expect(await runScheduled(task(), 't3', deps)).toBe('unchanged');
    expect(await runScheduled(task(), 't2', deps)).toBe('unchanged');
    expect(posts()).toHaveLength(1);
  });

  it('posts once when the check recovers', async () => {
    vpn = passed('egress 198.51.100.7');
    expect(await runScheduled(task(), 't4', deps)).toBe('posted');
    expect(posts()).toEqual(['🕒 Scheduled health run: 1 new', '🕒 Scheduled health run: 1 resolved']);
    expect(thread(1)).toContain('Resolved (1):');
    expect(await runScheduled(task(), 't5', deps)).toBe('unchanged');
    expect(posts()).toHaveLength(2);
    expect(emu.state.violations).toEqual([]);
  });

  it("lets a retried tick (same owner) retake its lease, and a dead worker's lease expires on its own", async () => {
    const state = createScheduleStateStore(client, uniquePrefix());
    expect(await state.lock('health', 'tick-a', 60_000)).toBe(true);
    expect(await state.lock('health', 'tick-b', 60_000)).toBe(false);
    expect(await state.lock('health', 'tick-a', 60_000)).toBe(true);
    await state.unlock('health', 'tick-a');
    // A lease nobody renews (its worker was killed) frees the schedule once it runs out.
    expect(await state.lock('health', 'dead', 150)).toBe(true);
    expect(await state.renew('health', 'tick-b', 150)).toBe(false);
    await eventually(
      async () => ((await state.lock('health', 'tick-b', 60_000)) ? true : undefined),
      'the dead lease to expire',
      10_000,
    );
  });

  it('renews the lease while a run outlives it, so an overlapping tick is still skipped', async () => {
    const state = createScheduleStateStore(client, uniquePrefix());
    const leased = { ...deps, state, lockMs: 150 };
    // Only the always-passing check, and its own cache: nothing is posted and the file's state stays as it is.
    const quiet = () =>
      scheduledHealth({
        checks: () => [plexCheck],
        timeoutMs: 5_000,
        when: { everyMs: 3_600_000 },
        log,
        store: createHealthStore({ redis: client, prefix: uniquePrefix() }),
      });
    let release = (): void => undefined;
    const slow = {
      ...quiet(),
      run: async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return quiet().run();
      },
    };
    const first = runScheduled(slow, 'slow', leased);
    await new Promise((resolve) => setTimeout(resolve, 600)); // four lease lengths
    expect(await runScheduled(quiet(), 'overlap', leased)).toBe('skipped');
    release();
    expect(await first).not.toBe('skipped');
  });

  it('skips a tick while another tick of the same schedule holds the lock', async () => {
    expect(await deps.state.lock('health', 'other', 60_000)).toBe(true);
    expect(await runScheduled(task(), 't6', deps)).toBe('skipped');
    await deps.state.unlock('health', 'other');
    expect(await runScheduled(task(), 't7', deps)).toBe('unchanged');
  });
});
