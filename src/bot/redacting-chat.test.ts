import { describe, expect, it } from 'vitest';
import type { AnswerHandle, ChatPort, OutgoingMessage } from '../chat/chat-port.js';
import { redactingChat } from './redacting-chat.js';

function recordingChat(): { port: ChatPort; sent: OutgoingMessage[]; titles: string[] } {
  const sent: OutgoingMessage[] = [];
  const titles: string[] = [];
  const thread = { platform: 'shell' as const, channelId: 'c', threadId: 't' };
  const ref = { platform: 'shell' as const, channelId: 'c', messageId: 'm' };
  const port: ChatPort = {
    platform: 'shell',
    openThread: (_c, title, first) => {
      titles.push(title);
      sent.push(first);
      return Promise.resolve({ thread, root: ref });
    },
    openThreadOn: (_r, title) => {
      titles.push(title);
      return Promise.resolve(thread);
    },
    post: (_t, m) => {
      sent.push(m);
      return Promise.resolve(ref);
    },
    edit: (_r, m) => {
      sent.push(m);
      return Promise.resolve();
    },
    disableActions: () => Promise.resolve(),
    sendDirect: (_u, m) => {
      sent.push(m);
      return Promise.resolve(ref);
    },
  };
  return { port, sent, titles };
}

describe('redactingChat', () => {
  const redact = (t: string): string => t.split('known-secret-1').join('••••');

  it('redacts text, titles, text attachments, buttons and menus; leaves binary files alone', async () => {
    const { port, sent, titles } = recordingChat();
    const chat = redactingChat(port, redact);
    const png = new Uint8Array([137, 80, 78, 71]);
    await chat.openThread('c', 'title known-secret-1', { text: 'a known-secret-1' });
    await chat.post(
      { platform: 'shell', channelId: 'c', threadId: 't' },
      {
        text: 'b',
        attachments: [
          { filename: 'r.md', content: 'x known-secret-1' },
          { filename: 'r.json', content: Buffer.from('"known-secret-1"') },
          { filename: 'c.png', content: png, contentType: 'image/png' },
        ],
        buttons: [{ id: 'act:1', label: 'Open known-secret-1', style: 'primary' }],
        select: {
          id: 's',
          placeholder: 'p',
          options: [{ label: 'known-secret-1', value: 'v', description: 'd known-secret-1' }],
        },
      },
    );
    await chat.sendDirect('u', { text: 'dm known-secret-1' });
    const all =
      JSON.stringify(sent) +
      titles.join() +
      sent
        .flatMap((m) => m.attachments ?? [])
        .map((a) => Buffer.from(a.content).toString('utf8'))
        .join();
    expect(all).not.toContain('known-secret-1');
    expect(sent[1]?.attachments?.[2]?.content).toBe(png);
    expect(sent[1]?.buttons?.[0]?.id).toBe('act:1');
    expect(sent[1]?.select?.options[0]?.value).toBe('v');
  });

  it('redacts a late private answer and keeps its handle; adds no answerLater where the port has none', async () => {
    const { port } = recordingChat();
    const answers: { handle: AnswerHandle; text: string }[] = [];
    const handle: AnswerHandle = { expiresAt: '2026-01-01T00:15:00.000Z', pending: true, sealedToken: 'v1.x' };
    const chat = redactingChat(
      {
        ...port,
        answerLater: (h, text) => {
          answers.push({ handle: h, text });
          return Promise.resolve();
        },
      },
      redact,
    );
    await chat.answerLater?.(handle, 'refused: known-secret-1');
    expect(answers).toEqual([{ handle, text: 'refused: ••••' }]);
    expect('answerLater' in redactingChat(port, redact)).toBe(false);
  });

  it('redacts an answer in the channel; adds no answerInChannel where the port has none', async () => {
    const { port } = recordingChat();
    const answers: string[] = [];
    const chat = redactingChat(
      {
        ...port,
        answerInChannel: (channelId, userId, text) => {
          answers.push(`${channelId}/${userId}: ${text}`);
          return Promise.resolve();
        },
      },
      redact,
    );
    await chat.answerInChannel?.('C1', 'U1', 'refused: known-secret-1');
    expect(answers).toEqual(['C1/U1: refused: ••••']);
    expect('answerInChannel' in redactingChat(port, redact)).toBe(false);
  });
});
