import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackEmulator, type SlackEmulator } from '../../../lab/emulators/slack/slack-emulator.js';
import { ExternalError } from '../../errors.js';
import { silentLogger } from '../../log.js';
import { SlackChat } from './slack-chat.js';
import { createSlackWebClient } from './slack-web-client.js';

const botToken = 'xoxb-chat-unit';
let fake: SlackEmulator;
let chat: SlackChat;

beforeAll(async () => {
  fake = await startSlackEmulator({ signingSecret: 's', botToken });
  chat = new SlackChat(
    createSlackWebClient({ botToken, apiUrl: fake.apiUrl, retries: 0 }, silentLogger()),
    silentLogger(),
  );
});
afterAll(async () => {
  await fake.close();
});

const types = (blocks: unknown[]): string[] => blocks.map((b) => (b as { type: string }).type);

describe('SlackChat', () => {
  it('opens a thread on a new root and uploads its attachments into that thread', async () => {
    const { thread, root } = await chat.openThread('C0CHAN010', 'Drift audit', {
      text: 'audit started',
      attachments: [{ filename: 'plan.json', content: new TextEncoder().encode('{"a":1}') }],
    });
    expect(thread).toEqual({ platform: 'slack', channelId: 'C0CHAN010', threadId: root.messageId });
    expect(fake.filesIn('C0CHAN010', root.messageId).map((f) => f.bytes?.toString('utf8'))).toEqual(['{"a":1}']);
    const reply = await chat.post(thread, { text: 'step 1' });
    expect(fake.store.findMessage('C0CHAN010', reply.messageId)?.threadTs).toBe(root.messageId);
  });

  it('uses the title when the first message has no text', async () => {
    const { root } = await chat.openThread('C0CHAN010', 'Untitled run', { text: '' });
    expect(fake.store.findMessage('C0CHAN010', root.messageId)?.text).toBe('Untitled run');
  });

  it('disables the buttons of a root message (read back through conversations.history)', async () => {
    const { root } = await chat.openThread('C0CHAN011', 't', {
      text: 'approve?',
      buttons: [{ id: 'act:1', label: 'Approve', style: 'success' }],
    });
    await chat.disableActions(root);
    const stored = fake.store.findMessage('C0CHAN011', root.messageId);
    expect(types(stored?.blocks ?? [])).toEqual(['section', 'context']);
    expect(fake.store.requests.some((r) => r.path === '/api/conversations.history')).toBe(true);
  });

  it('leaves a message without buttons untouched', async () => {
    const { root } = await chat.openThread('C0CHAN012', 't', { text: 'plain' });
    await chat.disableActions(root);
    expect(fake.store.findMessage('C0CHAN012', root.messageId)?.edits).toBe(0);
  });

  it('sends a direct message with its attachment in the DM itself, skipping empty files', async () => {
    const ref = await chat.sendDirect('U0CAROL01', {
      text: 'your file',
      attachments: [
        { filename: 'a.txt', content: 'hello' },
        { filename: 'empty.txt', content: '' },
      ],
    });
    expect(ref.channelId).toBe(fake.dmChannelOf('U0CAROL01'));
    expect(fake.filesIn(ref.channelId, undefined).map((f) => f.filename)).toEqual(['a.txt']);
  });

  it('wraps a Slack platform error as a non-retryable ExternalError', async () => {
    const error = await chat
      .post({ platform: 'slack', channelId: 'nope', threadId: '1.000001' }, { text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect(error).toMatchObject({ code: 'slack-api', retryable: false, context: { slackError: 'channel_not_found' } });
  });

  it('retries after a 429 with Retry-After when retries are allowed', async () => {
    const patient = new SlackChat(
      createSlackWebClient({ botToken, apiUrl: fake.apiUrl, retries: 1 }, silentLogger()),
      silentLogger(),
    );
    const before = fake.store.requests.filter((r) => r.path === '/api/chat.postMessage').length;
    fake.failNext('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 1 });
    const { root } = await patient.openThread('C0CHAN013', 't', { text: 'after the limit' });
    expect(fake.store.findMessage('C0CHAN013', root.messageId)?.text).toBe('after the limit');
    expect(fake.store.requests.filter((r) => r.path === '/api/chat.postMessage').length - before).toBe(2);
  });

  it('reports an HTTP failure as a retryable ExternalError when retries are exhausted', async () => {
    fake.failNext('chat.update', { kind: 'http', status: 503 });
    const error = await chat
      .edit({ platform: 'slack', channelId: 'C0CHAN013', messageId: '1.000001' }, { text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'slack-unreachable', retryable: true });
  });
});
