import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import { freePort, type PrivateRedis } from '../../src/store/private-redis.js';
import { eventually, latePort, startTestRedis } from './core-harness.js';
import { spawnService, type ServiceProcess } from './e2e-service-process.js';
import { health, lines } from './redis-outage-harness.js';

const secrets = {
  botToken: 'xoxb-unreachable-1',
  signingSecret: 'unused-in-socket-mode',
  appToken: 'xapp-unreachable-1',
};
const alice = 'U0ALICE01';
const channel = 'C0CHAN001';

/** `config.yaml` + `.env` for a `start` process on Slack in Socket Mode, reaching the Web API at `apiUrl`. */
async function writeSlackConfig(apiUrl: string, redisUrl: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hlb-slack-down-'));
  const yaml = [
    'chat:',
    '  slack:',
    '    botToken: ${SLACK_BOT_TOKEN}',
    '    signingSecret: ${SLACK_SIGNING_SECRET}',
    '    appToken: ${SLACK_APP_TOKEN}',
    '    mode: socket',
    `    channelId: ${channel}`,
    `    apiUrl: ${apiUrl}`,
    'people:',
    '  - name: alice',
    '    role: operator',
    `    slackId: ${alice}`,
    'redis:',
    `  url: ${redisUrl}`,
    'http:',
    '  host: 127.0.0.1',
    '  port: ${HTTP_PORT}',
    '',
  ].join('\n');
  const env = `SLACK_BOT_TOKEN=${secrets.botToken}\nSLACK_SIGNING_SECRET=${secrets.signingSecret}\nSLACK_APP_TOKEN=${secrets.appToken}\n`;
  await writeFile(join(dir, 'config.yaml'), yaml);
  await writeFile(join(dir, '.env'), env, { mode: 0o600 });
  return dir;
}

const startSlack = (port: number): Promise<SlackEmulator> =>
  startSlackEmulator({ ...secrets, port, users: { [alice]: 'alice' }, defaultChannel: channel });

/** Polls `/healthz` until it answers `status`; resolves with the body. */
const healthIs = (service: ServiceProcess, status: number, timeoutMs = 90_000): Promise<Record<string, unknown>> =>
  eventually(
    async () => {
      const h = await health(service.healthUrl);
      return h.status === status ? h.body : undefined;
    },
    `/healthz ${String(status)}`,
    timeoutMs,
  );

/** `/ping` through the socket: the worker's Pong in the thread and the status line edited to Done. */
async function pingEndToEnd(fake: SlackEmulator, service: ServiceProcess): Promise<void> {
  const count = (): number =>
    fake.store.messages.filter((m) => m.text.includes('Pong') || m.text.includes('Done: /ping')).length;
  const before = count();
  const ack = await fake.slash(alice, '/ping', '');
  expect(ack.timedOut).toBe(false);
  await fake
    .waitFor(() => count() >= before + 2 || undefined, 60_000, 'Pong and Done')
    .catch((error: unknown) => {
      throw new Error(`${String(error)}\nservice output (tail):\n${lines(service.output()).slice(-30).join('\n')}`);
    });
}

describe('`start` with Slack (Socket Mode) unreachable, then dropped mid-run', () => {
  let redis: PrivateRedis;
  let fake: SlackEmulator | undefined;
  let service: ServiceProcess | undefined;
  let dir = '';
  let port = 0;

  beforeAll(async () => {
    redis = await startTestRedis();
    port = await latePort();
    dir = await writeSlackConfig(`http://127.0.0.1:${String(port)}/api/`, redis.url);
  });
  afterAll(async () => {
    await service?.stop('SIGKILL');
    await fake?.close();
    await redis.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('serves /healthz 503 naming Slack, retries one line per attempt, and recovers when Slack comes up', async () => {
    service = await spawnService({
      role: 'start',
      configPath: join(dir, 'config.yaml'),
      cwd: dir,
      httpPort: await freePort(),
    });
    const down = await healthIs(service, 503);
    expect(down).toMatchObject({ checks: { slack: 'failing', redis: 'ok' } });
    expect(JSON.stringify(down['details'])).toMatch(/unreachable \(attempt \d+, next in \d+ ms\)/);
    const retries = await eventually(
      () => {
        const found = lines(service?.output() ?? '').filter((l) => l.includes('chat platform unreachable, retrying'));
        return Promise.resolve(found.length >= 2 ? found : undefined);
      },
      'two retry lines',
      90_000,
    );
    for (const line of retries) expect(line).toMatch(/"platform":"slack".*"attempt":\d+.*"nextRetryMs":\d+/);
    // Visible but quiet: no stack traces, and no more lines than a few per attempt.
    expect(service.output()).not.toMatch(/"stack":|\n\s+at /);
    expect(lines(service.output()).length).toBeLessThan(10 * retries.length + 20);

    fake = await startSlack(port);
    const up = await healthIs(service, 200);
    expect(up).toMatchObject({ status: 'ok', checks: { slack: 'ok', redis: 'ok', worker: 'ok' } });
    expect(service.output()).toMatch(/"platform":"slack".*"msg":"chat platform connected"/);
    await pingEndToEnd(fake, service);
  }, 240_000);

  it('reports Slack failing while the socket is cut and Slack is down, then reconnects and works', async () => {
    if (service === undefined || fake === undefined) throw new Error('the first test did not start the service');
    const connectedBefore = fake.socketConnections;
    fake.dropSockets();
    await fake.waitFor(() => fake?.socketConnections !== connectedBefore || undefined, 60_000, 'reconnect after drop');
    await healthIs(service, 200);
    await pingEndToEnd(fake, service);

    await fake.close();
    fake = undefined;
    const down = await eventually(async () => {
      const h = await health(service?.healthUrl ?? '');
      return h.status === 503 && /unreachable \(attempt \d+, next in \d+ ms\)/.test(JSON.stringify(h.body))
        ? h.body
        : undefined;
    }, '/healthz 503 with the reconnect attempts');
    expect(down).toMatchObject({ checks: { slack: 'failing', redis: 'ok' } });
    expect(service.output()).toMatch(/"platform":"slack".*"msg":"slack socket dropped, reconnecting"/);
    fake = await startSlack(port);
    await healthIs(service, 200);
    await pingEndToEnd(fake, service);
    expect(service.output()).not.toMatch(/"stack":|\n\s+at /);
    expect(await service.stop()).toBe(0);
    service = undefined;
  }, 240_000);
});
