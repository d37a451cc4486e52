import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { freePort, type PrivateRedis } from '../../src/store/private-redis.js';
import { eventually, latePort, startTestRedis } from './core-harness.js';
import { spawnService, type ServiceProcess } from './e2e-service-process.js';
import { alice, health, writeOutageConfig } from './redis-outage-harness.js';

describe('`start` with Discord unreachable (emulator not listening yet on its port)', () => {
  let redis: PrivateRedis;
  let emu: DiscordEmulator;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await service?.stop('SIGKILL');
    await emu.stop();
    await redis.stop();
  });

  it('serves /healthz 503 naming Discord, retries visibly, and recovers when Discord comes back', async () => {
    const port = await latePort();
    emu = new DiscordEmulator({ users: [alice], port });
    const dir = await writeOutageConfig(emu, `http://127.0.0.1:${String(port)}/api`, redis.url);
    service = await spawnService({
      role: 'start',
      configPath: join(dir, 'config.yaml'),
      cwd: dir,
      httpPort: await freePort(),
    });
    const down = await eventually(async () => {
      const h = await health(service?.healthUrl ?? '');
      return h.status === 503 ? h.body : undefined;
    }, '/healthz 503');
    expect(down).toMatchObject({ checks: { discord: 'failing', redis: 'ok' } });
    expect(JSON.stringify(down['details'])).toMatch(/unreachable \(attempt \d+, next in \d+ ms\)/);
    expect(service.output()).toMatch(
      /"platform":"discord".*"nextRetryMs":\d+.*"msg":"chat platform unreachable, retrying"/,
    );

    await emu.start();
    const up = await eventually(
      async () => {
        const h = await health(service?.healthUrl ?? '');
        return h.status === 200 ? h.body : undefined;
      },
      '/healthz 200',
      90_000,
    );
    expect(up).toMatchObject({ status: 'ok', checks: { discord: 'ok', redis: 'ok', worker: 'ok' } });
    await emu.slash(alice.id, 'ping');
    await emu.waitFor(
      () => ([...emu.state.messages.values()].some((m) => m.content.includes('Done: /ping')) ? true : undefined),
      'ping done',
      60_000,
    );
    expect(await service.stop()).toBe(0);
    service = undefined;
  }, 150_000);
});
