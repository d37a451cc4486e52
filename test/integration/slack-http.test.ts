import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/bot/slack/slack-adapter.js';
import { silentLogger } from '../../src/log.js';
import { demoHandler, type DemoHandler } from '../../lab/emulators/slack/demo-handler.js';
import { signBody } from '../../lab/emulators/slack/slack-inbound.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';

const secrets = { botToken: 'xoxb-http-test', signingSecret: 'http-signing-secret' };
const channel = 'C0CHAN001';
const alice = 'U0ALICE01';
let fake: SlackEmulator;
let adapter: SlackAdapter;
let handler: DemoHandler;

beforeAll(async () => {
  fake = await startSlackEmulator({ ...secrets, users: { [alice]: 'alice' } });
  adapter = new SlackAdapter(
    { ...secrets, mode: 'http', port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, retries: 0 },
    { logger: silentLogger(), hasSubcommands: (c) => c === 'drift' },
  );
  handler = demoHandler(adapter, () => {
    fake.store.changed();
  });
  await adapter.start(handler);
  fake.setBotUrl(`http://127.0.0.1:${adapter.httpPort ?? 0}/slack/events`);
});
afterAll(async () => {
  await adapter.stop();
  await fake.close();
});

const slashBody = (text: string): string =>
  new URLSearchParams({
    command: '/drift',
    text,
    user_id: alice,
    user_name: 'alice',
    channel_id: channel,
    team_id: 'T0FAKE001',
    trigger_id: 'trig-forged',
    response_url: `${fake.url}/response/none`,
    api_app_id: 'A0APP0001',
    token: 'legacy',
  }).toString();

/** Runs `/drift audit host:x` and waits for the result message in the new thread. */
async function runAudit(): Promise<{ rootTs: string; resultTs: string }> {
  const before = handler.results.length;
  const ack = await fake.slash(alice, '/drift', 'audit host:x', { channel });
  expect(ack).toEqual({ status: 200, body: '', timedOut: false });
  const result = await fake.waitFor(() => handler.results[before], 10_000, 'the result message');
  await fake.waitFor(() => fake.filesIn(channel, result.threadId).length > 0, 10_000, 'the attachment');
  return { rootTs: result.threadId ?? '', resultTs: result.messageId };
}

describe('Slack adapter in HTTP mode against the fake Slack', () => {
  it('acks a slash command with HTTP 200 and hands it over parsed', async () => {
    await runAudit();
    expect(handler.commands.at(-1)).toMatchObject({
      platform: 'slack',
      command: 'drift',
      subcommand: 'audit',
      text: 'host:x',
      channelId: channel,
      user: { platform: 'slack', id: alice, displayName: 'alice' },
    });
  });

  it('replies publicly, threads on the reply and posts a result with an attachment and buttons', async () => {
    const { rootTs, resultTs } = await runAudit();
    const thread = fake.messagesIn(channel, rootTs);
    expect(thread[0]?.text).toBe('🔄 *drift audit* host:x');
    const result = thread.find((m) => m.ts === resultTs);
    expect(result?.threadTs).toBe(rootTs);
    const actions = result?.blocks.find((b) => (b as { type: string }).type === 'actions') as {
      elements: { action_id: string; type: string }[];
    };
    expect(actions.elements.map((e) => [e.type, e.action_id])).toEqual([
      ['button', 'act:open-pr-1'],
      ['button', 'act:ignore-1'],
      ['multi_static_select', 'act:pick-1'],
    ]);
    const [file] = fake.filesIn(channel, rootTs);
    expect(file?.filename).toBe('drift.diff');
    expect(file?.bytes?.toString('utf8')).toBe('--- desired\n+++ actual\n-image: pihole:1\n+image: pihole:2\n');
  });

  it('runs a single-use button once, replaces the buttons and refuses the second click', async () => {
    const { rootTs, resultTs } = await runAudit();
    const first = await fake.clickButton(resultTs, 'act:open-pr-1', undefined, alice);
    expect(first.status).toBe(200);
    await fake.waitFor(
      () => fake.messagesIn(channel, rootTs).find((m) => m.text.startsWith('✅ PR opened by U0ALICE01')),
      10_000,
      'done',
    );
    expect(handler.actions.at(-1)).toMatchObject({
      customId: 'act:open-pr-1',
      values: [],
      user: { id: alice },
      message: { channelId: channel, messageId: resultTs, threadId: rootTs },
    });
    const edited = fake.store.findMessage(channel, resultTs);
    expect(edited?.blocks.some((b) => (b as { type: string }).type === 'actions')).toBe(false);
    expect(JSON.stringify(edited?.blocks)).toContain('✔ Open PR / Ignore / Pick hosts — used');
    await fake.clickButton(resultTs, 'act:open-pr-1', 'act:open-pr-1', alice);
    await fake.waitFor(() => fake.ephemeralsFor(alice).find((m) => m.text === 'Already used.'), 10_000, 'refusal');
  });

  it('passes a forged custom id through to the handler, which refuses it privately', async () => {
    const { resultTs } = await runAudit();
    const res = await fake.clickButton(resultTs, 'act:forged-999', undefined, alice);
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.ephemeralsFor(alice).find((m) => m.text.includes('forged')), 10_000, 'refusal');
    expect(handler.actions.at(-1)?.customId).toBe('act:forged-999');
  });

  it('hands select choices over as values', async () => {
    const { resultTs } = await runAudit();
    await fake.select(resultTs, 'act:pick-1', ['a', 'b'], alice);
    await fake.waitFor(() => fake.ephemeralsFor(alice).find((m) => m.text === 'picked a,b'), 10_000, 'picked');
  });

  it('edits a message with chat.update', async () => {
    const { resultTs, rootTs } = await runAudit();
    await adapter.edit(
      { platform: 'slack', channelId: channel, messageId: resultTs, threadId: rootTs },
      { text: '✅ **fixed**' },
    );
    expect(fake.store.findMessage(channel, resultTs)).toMatchObject({ text: '✅ *fixed*', edits: 1 });
  });

  it('acks before the handler finishes its work', async () => {
    const ack = await fake.slash(alice, '/slow', '', { channel });
    expect(ack).toEqual({ status: 200, body: '', timedOut: false });
    expect(fake.ephemeralsFor(alice).some((m) => m.text === 'slow done')).toBe(false);
    handler.release();
    await fake.waitFor(() => fake.ephemeralsFor(alice).find((m) => m.text === 'slow done'), 10_000, 'slow done');
  });

  it('falls back to chat.postEphemeral when the response_url has expired', async () => {
    const { resultTs } = await runAudit();
    const before = fake.store.requests.filter((r) => r.path === '/api/chat.postEphemeral').length;
    const answered = fake.store.responses.length;
    fake.setResponseUrlsExpired(true);
    try {
      await fake.clickButton(resultTs, 'act:forged-1000', undefined, alice);
      await fake.waitFor(
        () => fake.store.requests.filter((r) => r.path === '/api/chat.postEphemeral').length > before,
        10_000,
        'fallback',
      );
    } finally {
      fake.setResponseUrlsExpired(false);
    }
    const shown = fake.ephemeralsFor(alice).at(-1);
    expect(shown).toMatchObject({ channel, text: 'This button is not valid (unknown or forged id).' });
    expect(fake.store.responses).toHaveLength(answered);
  });

  it('shows a handler UserError to the invoker only, escaped', async () => {
    const ack = await fake.slash(alice, '/boom', '', { channel });
    expect(ack.status).toBe(200);
    const shown = await fake.waitFor(
      () => fake.ephemeralsFor(alice).find((m) => m.text.startsWith('You may not')),
      10_000,
      'error',
    );
    expect(shown.text).toBe('You may not &lt;boom&gt; here.');
  });

  it('rejects a bad signature with 401 and never calls the handler', async () => {
    const count = handler.commands.length;
    const res = await fake.sendWithSignature(slashBody('audit host:evil'), `v0=${'0'.repeat(64)}`);
    expect(res.status).toBe(401);
    expect(handler.commands).toHaveLength(count);
  });

  it('rejects a correctly signed request older than 5 minutes with 401', async () => {
    const count = handler.commands.length;
    const timestamp = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await fake.sendSigned(slashBody('audit host:replay'), { timestamp });
    expect(res.status).toBe(401);
    expect(handler.commands).toHaveLength(count);
    const fresh = await fake.sendSigned(slashBody('audit host:fresh'), {});
    expect(fresh.status).toBe(200);
    expect(signBody('x', 1, 'b')).toMatch(/^v0=[0-9a-f]{64}$/);
  });

  it('sends a direct message through conversations.open', async () => {
    const ref = await adapter.sendDirect('U0BOB0001', { text: 'Your request **Alien** is available' });
    const dm = fake.dmChannelOf('U0BOB0001');
    expect(ref.channelId).toBe(dm);
    expect(fake.messagesIn(dm ?? '').map((m) => m.text)).toEqual(['Your request *Alien* is available']);
  });
});
