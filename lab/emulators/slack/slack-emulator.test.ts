import { isValidSlackRequest } from '@slack/bolt';
import { ErrorCode, WebClient, type WebAPIPlatformError } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSlackEmulator, type SlackEmulator } from './slack-emulator.js';
import { signBody, slashFields } from './slack-inbound.js';

const botToken = 'xoxb-test-token';
let fake: SlackEmulator;
let client: WebClient;

beforeAll(async () => {
  fake = await startSlackEmulator({ signingSecret: 'shh', botToken });
  client = new WebClient(botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(async () => {
  await fake.close();
});

const platformError = async (call: Promise<unknown>): Promise<string> => {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e as WebAPIPlatformError,
  );
  expect(error?.code).toBe(ErrorCode.PlatformError);
  return error?.data.error ?? '';
};

describe('slack emulator web api', () => {
  it('stores a root message and a thread reply with increasing ts', async () => {
    const root = await client.chat.postMessage({ channel: 'C0CHAN001', text: 'root' });
    const reply = await client.chat.postMessage({ channel: 'C0CHAN001', text: 'reply', thread_ts: root.ts ?? '' });
    expect(Number(reply.ts)).toBeGreaterThan(Number(root.ts));
    expect(fake.messagesIn('C0CHAN001', root.ts).map((m) => m.text)).toEqual(['root', 'reply']);
  });

  it('answers errors as ok:false so the client does not retry', async () => {
    expect(await platformError(client.chat.postMessage({ channel: 'nope', text: 'x' }))).toBe('channel_not_found');
    expect(await platformError(client.chat.update({ channel: 'C0CHAN001', ts: '1.000001', text: 'x' }))).toBe(
      'message_not_found',
    );
    expect(
      await platformError(client.chat.postMessage({ channel: 'C0CHAN001', text: 'x', thread_ts: '2.000002' })),
    ).toBe('thread_not_found');
  });

  it('rejects a section longer than 3000 characters like real Slack', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }];
    expect(await platformError(client.chat.postMessage({ channel: 'C0CHAN001', text: 't', blocks }))).toMatch(
      /^invalid_blocks/,
    );
  });

  it('updates a message in place', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0CHAN002', text: 'before' });
    await client.chat.update({ channel: 'C0CHAN002', ts: posted.ts ?? '', text: 'after' });
    expect(fake.store.findMessage('C0CHAN002', posted.ts ?? '')).toMatchObject({ text: 'after', edits: 1 });
  });

  it('receives files.uploadV2 into a thread with the exact bytes', async () => {
    const root = await client.chat.postMessage({ channel: 'C0CHAN003', text: 'root' });
    await client.filesUploadV2({
      channel_id: 'C0CHAN003',
      thread_ts: root.ts ?? '',
      file: Buffer.from('diff --git a b\n'),
      filename: 'drift.diff',
    });
    const [file] = fake.filesIn('C0CHAN003', root.ts);
    expect(file?.filename).toBe('drift.diff');
    expect(file?.bytes?.toString('utf8')).toBe('diff --git a b\n');
    expect(fake.messagesIn('C0CHAN003', root.ts).at(-1)?.fileIds).toEqual([file?.id]);
  });

  it('opens one stable DM channel per user', async () => {
    const a = await client.conversations.open({ users: 'U0ALICE01' });
    const b = await client.conversations.open({ users: 'U0ALICE01' });
    expect(a.channel?.id).toMatch(/^D/);
    expect(b.channel?.id).toBe(a.channel?.id);
  });

  it('refuses a wrong bot token', async () => {
    const stranger = new WebClient('xoxb-wrong', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    expect(await platformError(stranger.auth.test())).toBe('invalid_auth');
  });
});

describe('slack emulator inbound signing', () => {
  const body = new URLSearchParams(
    slashFields({
      user: 'U1',
      userName: 'u',
      command: '/drift',
      text: 'audit',
      channel: 'C1',
      responseUrl: 'http://127.0.0.1/r',
      triggerId: 't',
    }),
  ).toString();
  const ts = 1_800_000_000;
  const verify = (secret: string, signature: string): boolean =>
    isValidSlackRequest({
      signingSecret: secret,
      body,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts },
      nowMilliseconds: ts * 1000,
    });

  it("signs exactly as Bolt's verifier expects", () => {
    expect(verify('shh', signBody('shh', ts, body))).toBe(true);
  });

  it('produces a signature Bolt rejects for another secret or body', () => {
    expect(verify('other', signBody('shh', ts, body))).toBe(false);
    expect(verify('shh', signBody('shh', ts, `${body}&x=1`))).toBe(false);
  });
});

describe('slack emulator Socket Mode', () => {
  /** A raw Socket Mode connection that acks every envelope and remembers which it got. */
  async function connect(emu: SlackEmulator, appToken: string): Promise<{ ws: WebSocket; got: string[] }> {
    const open = (await (
      await fetch(`${emu.apiUrl}apps.connections.open`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${appToken}` },
      })
    ).json()) as { url: string };
    const ws = new WebSocket(open.url);
    const got: string[] = [];
    ws.on('message', (raw: Buffer) => {
      const m = JSON.parse(raw.toString('utf8')) as { type: string; envelope_id?: string };
      if (m.envelope_id === undefined) return;
      got.push(m.envelope_id);
      ws.send(JSON.stringify({ envelope_id: m.envelope_id }));
    });
    await new Promise((resolve) => ws.once('open', resolve));
    return { ws, got };
  }

  it('spreads envelopes over the open connections, each to one of them', async () => {
    const appToken = 'xapp-spread';
    const emu = await startSlackEmulator({ signingSecret: 'shh', botToken, appToken });
    const conns = [await connect(emu, appToken), await connect(emu, appToken)];
    try {
      for (let i = 0; i < 4; i += 1) expect((await emu.slash('U0BOB0001', '/ping', '')).status).toBe(200);
      expect(conns.map((c) => c.got.length)).toEqual([2, 2]);
      expect(new Set(conns.flatMap((c) => c.got)).size).toBe(4);
    } finally {
      for (const c of conns) c.ws.close();
      await emu.close();
    }
  });
});
