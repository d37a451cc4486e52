import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { laneQueueName, lanes } from '../../src/jobs/lanes.js';
import { freePort } from '../../src/store/private-redis.js';
import { eventually } from './core-harness.js';
import { spawnService, type ServiceProcess } from './e2e-service-process.js';
import { alice, health, lines, writeOutageConfig } from './redis-outage-harness.js';
import { RestartableRedis } from './restartable-redis.js';

const contents = (emu: DiscordEmulator): string[] => [...emu.state.messages.values()].map((m) => m.content);
const count = (emu: DiscordEmulator, text: string): number => contents(emu).filter((c) => c.includes(text)).length;

/** The job schedulers in Redis (a fresh connection each time: Redis comes and goes in these tests). */
async function schedulerIds(url: string): Promise<string[]> {
  const connection = new Redis(url, { maxRetriesPerRequest: 1 });
  // Schedules wait in the long lane, the notify poll in the quick one.
  const queues = lanes.map((lane) => new Queue(laneQueueName(lane), { connection, prefix: 'hlb:bull' }));
  try {
    const ids = await Promise.all(queues.map(async (q) => (await q.getJobSchedulers()).map((s) => s.key)));
    return ids.flat().sort();
  } catch {
    return [];
  } finally {
    await Promise.all(queues.map((q) => q.close()));
    connection.disconnect();
  }
}

const healthzStatus = async (service: ServiceProcess, want: number): Promise<Record<string, unknown>> =>
  eventually(
    async () => {
      const h = await health(service.healthUrl);
      return h.status === want ? h.body : undefined;
    },
    `/healthz ${String(want)}`,
  );

/** /ping until Done, counting the Pong posts: one more each time (no job runs twice). */
async function pingDone(emu: DiscordEmulator, n: number): Promise<void> {
  await emu.slash(alice.id, 'ping');
  await emu.waitFor(() => (count(emu, 'Done: /ping') >= n ? true : undefined), `ping ${String(n)} done`, 60_000);
}

describe('a `start` process through Redis outages (real redis-server stopped and started, Discord emulator)', () => {
  let redis: RestartableRedis;
  let emu: DiscordEmulator;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    redis = await RestartableRedis.create();
    emu = await startDiscordEmulator({ users: [alice] });
  });
  afterAll(async () => {
    await service?.stop('SIGKILL');
    await emu.stop();
    await redis.destroy();
  });

  it('starts with Redis down: /healthz 503, start-up retries logged with their delay, then 200 once Redis is up', async () => {
    const dir = await writeOutageConfig(emu, emu.apiUrl, redis.url);
    service = await spawnService({
      role: 'start',
      configPath: join(dir, 'config.yaml'),
      cwd: dir,
      httpPort: await freePort(),
    });
    const failing = await healthzStatus(service, 503);
    expect(failing).toMatchObject({ status: 'failing', checks: { redis: 'failing', discord: 'ok' } });
    await emu.slash(alice.id, 'ping');
    await emu.waitFor(() => (count(emu, 'The job queue is unavailable') >= 1 ? true : undefined), 'queue unavailable');
    expect(service.output()).toMatch(/"nextRetryMs":\d+.*"msg":"redis unreachable, retrying"/);

    await redis.start();
    expect(await healthzStatus(service, 200)).toMatchObject({ checks: { redis: 'ok', worker: 'ok', discord: 'ok' } });
    await pingDone(emu, 1);
    // The schedule and the notify poll are written once Redis is there.
    await eventually(
      async () => ((await schedulerIds(redis.url)).length === 2 ? true : undefined),
      'schedulers written',
    );
    expect(await schedulerIds(redis.url)).toEqual(['health', 'media.notify-poll']);
  }, 120_000);

  it('Redis stopped mid-run: "queue unavailable" to the user, one log line for the outage, 503 then 200, no job twice', async () => {
    if (service === undefined) throw new Error('no service');
    const before = lines(service.output()).length;
    await redis.stop();
    await healthzStatus(service, 503);
    await emu.slash(alice.id, 'ping');
    await emu.waitFor(() => (count(emu, 'The job queue is unavailable') >= 2 ? true : undefined), 'queue unavailable');
    // Let the reconnect loops of every connection (worker, stores, queues) run for a while.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    const during = lines(service.output()).slice(before);
    expect(during.filter((l) => l.includes('"msg":"redis down')).length).toBe(1);
    expect(service.output()).not.toContain('Unhandled error event');
    // The outage line, the refused /ping (its reply and log), nothing per retry.
    expect(during.length).toBeLessThanOrEqual(6);

    await redis.start();
    await healthzStatus(service, 200);
    expect(lines(service.output()).filter((l) => l.includes('"msg":"redis up"')).length).toBe(2);
    await pingDone(emu, 2);
    expect(count(emu, 'Pong')).toBe(2);
  }, 120_000);

  it('Redis restarted empty: the schedule and the notify poll are back within the reconcile interval', async () => {
    if (service === undefined) throw new Error('no service');
    await redis.wipe();
    await redis.start();
    await eventually(
      async () => ((await schedulerIds(redis.url)).length === 2 ? true : undefined),
      'schedulers repaired',
      60_000,
    );
    expect(await schedulerIds(redis.url)).toEqual(['health', 'media.notify-poll']);
    expect(service.output()).toContain('schedule missing in Redis (restarted empty?): recreated');
    await healthzStatus(service, 200);
    await pingDone(emu, 3);
    expect(count(emu, 'Pong')).toBe(3);
    expect(await service.stop()).toBe(0);
    service = undefined;
  }, 120_000);
});
