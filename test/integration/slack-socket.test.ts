import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/bot/slack/slack-adapter.js';
import { silentLogger } from '../../src/log.js';
import { demoHandler, type DemoHandler } from '../../lab/emulators/slack/demo-handler.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';

const secrets = { botToken: 'xoxb-socket-test', signingSecret: 'unused-in-socket-mode', appToken: 'xapp-socket-test' };
const channel = 'C0CHAN009';
const bob = 'U0BOB0001';
let fake: SlackEmulator;
let adapter: SlackAdapter;
let handler: DemoHandler;

beforeAll(async () => {
  fake = await startSlackEmulator({ ...secrets, defaultChannel: channel });
  adapter = new SlackAdapter(
    { ...secrets, mode: 'socket', port: 0, apiUrl: fake.apiUrl, retries: 0 },
    { logger: silentLogger(), hasSubcommands: (c) => c === 'drift' },
  );
  handler = demoHandler(adapter, () => {
    fake.store.changed();
  });
  await adapter.start(handler);
});
afterAll(async () => {
  await adapter.stop();
  await fake.close();
});

describe('Slack adapter in Socket Mode against the fake Slack', () => {
  it('connects with the app token through apps.connections.open', () => {
    expect(fake.socketConnected).toBe(true);
    const open = fake.store.requests.find((r) => r.path === '/api/apps.connections.open');
    expect(open?.authorization).toBe(secrets.appToken);
    expect(adapter.httpPort).toBeUndefined();
  });

  it('acks a slash command envelope and runs the whole flow', async () => {
    const ack = await fake.slash(bob, '/drift', 'audit host:ct-docker-01');
    expect(ack.status).toBe(200);
    expect(ack.timedOut).toBe(false);
    const result = await fake.waitFor(() => handler.results[0], 10_000, 'the result');
    expect(handler.commands[0]).toMatchObject({
      command: 'drift',
      subcommand: 'audit',
      text: 'host:ct-docker-01',
      user: { id: bob },
    });
    const file = await fake.waitFor(() => fake.filesIn(channel, result.threadId)[0], 10_000, 'the file');
    expect(file.bytes?.toString('utf8')).toContain('+image: pihole:2');
  });

  it('delivers a button click over the socket and answers a second click privately', async () => {
    const result = await fake.waitFor(() => handler.results[0], 10_000, 'the result');
    expect((await fake.clickButton(result.messageId, 'act:open-pr-1', undefined, bob)).status).toBe(200);
    await fake.waitFor(
      () => fake.messagesIn(channel, result.threadId).find((m) => m.text.startsWith('✅ PR opened')),
      10_000,
      'done',
    );
    await fake.clickButton(result.messageId, 'act:open-pr-1', undefined, bob);
    await fake.waitFor(() => fake.ephemeralsFor(bob).find((m) => m.text === 'Already used.'), 10_000, 'refusal');
    expect(handler.actions.map((a) => a.customId)).toEqual(['act:open-pr-1', 'act:open-pr-1']);
  });

  it('answers a private reply through the response_url', async () => {
    await fake.slash(bob, '/ping', '');
    await fake.waitFor(() => fake.ephemeralsFor(bob).find((m) => m.text === 'pong'), 10_000, 'pong');
    expect(fake.store.responses.some((r) => r.body['text'] === 'pong' && r.body['response_type'] === 'ephemeral')).toBe(
      true,
    );
    expect(handler.commands.at(-1)).toMatchObject({ command: 'ping', text: '' });
    expect(handler.commands.at(-1)?.subcommand).toBeUndefined();
  });

  it('reconnects when Slack asks for a refresh and keeps receiving commands', async () => {
    const before = fake.socketConnections;
    fake.requestSocketRefresh();
    await fake.waitFor(() => fake.socketConnections > before, 10_000, 'reconnect');
    const opens = fake.store.requests.filter((r) => r.path === '/api/apps.connections.open').length;
    expect(opens).toBeGreaterThanOrEqual(2);
    const count = handler.commands.length;
    expect((await fake.slash(bob, '/ping', '')).status).toBe(200);
    await fake.waitFor(() => handler.commands.length > count || undefined, 10_000, 'command after reconnect');
  });

  it('stop() disconnects, then waits for a handler that is still running', async () => {
    expect((await fake.slash(bob, '/slow', '')).status).toBe(200);
    const stopping = adapter.stop();
    await fake.waitFor(() => !fake.socketConnected, 10_000, 'disconnect');
    handler.release();
    await stopping;
    expect(fake.ephemeralsFor(bob).map((m) => m.text)).toContain('slow done');
  });
});
