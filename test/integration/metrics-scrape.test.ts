import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/app/run-service.js';
import { appConfigSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { freePort, type PrivateRedis } from '../../src/store/private-redis.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { startTestRedis } from './core-harness.js';

const alice = { id: '120000000000000001', username: 'alice', roleIds: [] };

/** `name{labels} value` lines of a Prometheus text exposition, by series. */
function series(text: string): Map<string, number> {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return new Map(
    lines.map((l) => {
      const at = l.lastIndexOf(' ');
      return [l.slice(0, at), Number(l.slice(at + 1))];
    }),
  );
}

describe('/metrics of a running service (composition root, real worker, real Redis, Discord emulator)', () => {
  let redis: PrivateRedis;
  let emu: DiscordEmulator;
  let service: RunningService;

  beforeAll(async () => {
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [alice] });
    const config = appConfigSchema.parse({
      chat: {
        discord: {
          token: emu.token,
          applicationId: emu.ids.applicationId,
          guildId: emu.ids.guildId,
          reportChannelId: emu.ids.channelId,
          apiUrl: emu.apiUrl,
        },
      },
      people: [{ name: 'alice', role: 'operator', discordId: alice.id }],
      redis: { url: redis.url },
      http: { host: '127.0.0.1', port: await freePort() },
    });
    service = await startService(config, { bot: true, worker: true }, silentLogger());
  });
  afterAll(async () => {
    await service.close();
    await emu.stop();
    await redis.stop();
  });

  it('counts finished and refused jobs by name and outcome, times them, and shows queue depth and process metrics', async () => {
    // An identical command is refused while the first still runs: send each /ping after the last one is done.
    const doneCount = (): number =>
      [...emu.state.messages.values()].filter((m) => m.content.includes('Done: /ping')).length;
    for (let i = 1; i <= 3; i += 1) {
      await emu.slash(alice.id, 'ping');
      await emu.waitFor(() => (doneCount() >= i ? true : undefined), `ping ${i} done`, 30_000);
    }
    await emu.slash(alice.id, 'status');
    // No `apps` in this config: the audit is refused with a UserError (an answer: never retried, not a failure).
    await emu.slash(alice.id, 'drift audit');
    await emu.waitFor(
      () => {
        const all = [...emu.state.messages.values()];
        const done = all.filter((m) => m.content.includes('Done: /')).length;
        const refused = all.filter((m) => m.content.includes('Refused: /drift audit')).length;
        return done >= 4 && refused >= 1 ? true : undefined;
      },
      'four finished runs and a refused one',
      60_000,
    );

    const res = await fetch(`${service.healthUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const m = series(await res.text());
    expect(m.get('homelab_jobs_total{job="system.ping",outcome="succeeded"}')).toBe(3);
    expect(m.get('homelab_jobs_total{job="system.status",outcome="succeeded"}')).toBe(1);
    expect(m.get('homelab_jobs_total{job="drift.audit",outcome="refused"}')).toBe(1);
    expect(m.has('homelab_jobs_total{job="drift.audit",outcome="failed"}')).toBe(false);
    expect(m.has('homelab_jobs_total{job="drift.audit",outcome="succeeded"}')).toBe(false);
    expect(m.get('homelab_job_duration_seconds_count{job="system.ping"}')).toBe(3);
    expect(m.get('homelab_queue_jobs{state="completed"}')).toBe(5);
    expect(m.get('homelab_queue_jobs{state="failed"}')).toBe(0);
    expect(m.get('homelab_queue_jobs{state="waiting"}')).toBe(0);
    expect(m.has('process_cpu_user_seconds_total')).toBe(true);
    expect(m.has('nodejs_eventloop_lag_seconds')).toBe(true);
  }, 90_000);

  it('still serves /healthz next to /metrics', async () => {
    const res = await fetch(`${service.healthUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', role: 'bot+worker' });
  });
});
