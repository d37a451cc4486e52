import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AnswerHandle } from '../chat/chat-port.js';
import { ExternalError } from '../errors.js';
import { createLogger } from '../log.js';
import { parseAnswerHandle, recoveryResponder, unanswerable } from './recovery-responder.js';

const now = new Date('2026-12-04T12:00:00.000Z');
const handle = (minutesLeft: number, pending = true): AnswerHandle => ({
  expiresAt: new Date(now.getTime() + minutesLeft * 60_000).toISOString(),
  pending,
  sealedToken: 'v1.c2VhbGVkLWludGVyYWN0aW9uLXRva2Vu',
});

function setup(answerLater?: (h: AnswerHandle, text: string) => Promise<void>) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  const answers: string[] = [];
  const chat = {
    answerLater:
      answerLater ??
      ((_h: AnswerHandle, text: string) => {
        answers.push(text);
        return Promise.resolve();
      }),
  };
  return { lines, answers, chat, log: createLogger({ level: 'info', format: 'json' }, stream) };
}

describe('parseAnswerHandle', () => {
  it('takes a saved handle and refuses anything else, also extra fields', () => {
    const saved = handle(5);
    expect(parseAnswerHandle(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(parseAnswerHandle({ ...saved, token: 'raw' })).toBeUndefined();
    expect(parseAnswerHandle({ ...saved, expiresAt: 'soon' })).toBeUndefined();
    expect(parseAnswerHandle({ ...saved, sealedToken: '' })).toBeUndefined();
    expect(parseAnswerHandle({ expiresAt: saved.expiresAt, sealedToken: saved.sealedToken })).toBeUndefined();
    expect(parseAnswerHandle('v1.x')).toBeUndefined();
  });
});

describe('unanswerable', () => {
  it('says why a recovered command cannot be answered privately: no handle, no port, window closed', () => {
    const chat = { answerLater: () => Promise.resolve() };
    expect(unanswerable(chat, handle(1), now)).toBeUndefined();
    expect(unanswerable(chat, undefined, now)).toBe('no-handle');
    expect(unanswerable({}, handle(1), now)).toBe('unsupported');
    expect(unanswerable(chat, handle(0), now)).toBe('expired');
    expect(unanswerable(chat, handle(-1), now)).toBe('expired');
    expect(unanswerable(chat, { ...handle(1), expiresAt: 'soon' }, now)).toBe('expired');
  });
});

describe('recoveryResponder', () => {
  it('answers a refusal and the queued line through the handle while the window is open', async () => {
    const { answers, chat, log, lines } = setup();
    const responder = recoveryResponder({ chat, handle: handle(5), now: () => now, log });
    await responder.replyPrivately('🚫 not allowed');
    await responder.acknowledged?.('Queued: /ping · run r-1. Follow it in the thread.');
    expect(answers).toEqual(['🚫 not allowed', 'Queued: /ping · run r-1. Follow it in the thread.']);
    expect(lines.join('')).not.toContain('its invoker is gone');
    await expect(responder.replyPublicly({ text: 'x' })).rejects.toThrow(/no interaction/);
  });

  it('has no queued line to give where the platform left nothing pending (Slack)', () => {
    const { chat, log } = setup();
    expect('acknowledged' in recoveryResponder({ chat, handle: handle(5, false), now: () => now, log })).toBe(false);
  });

  it('logs the answer, and that the window closed, once the handle expired; never the sealed token', async () => {
    const { answers, chat, log, lines } = setup();
    const expired = handle(-1);
    await recoveryResponder({ chat, handle: expired, now: () => now, log }).replyPrivately('🚫 not allowed');
    expect(answers).toEqual([]);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.map((l) => l['msg'])).toEqual([
      'the reply window of a recovered command closed',
      'a recovered command was answered privately; its invoker is gone',
    ]);
    expect(logged[0]?.['expiredAt']).toBe(expired.expiresAt);
    expect(logged[1]?.['text']).toBe('🚫 not allowed');
    expect(lines.join('')).not.toContain(expired.sealedToken);
  });

  it('falls back to the log when the platform refuses the answer', async () => {
    const refuse = () =>
      Promise.reject(new ExternalError('discord-api', 'Discord refused the private answer (HTTP 401, code 50027)'));
    const { chat, log, lines } = setup(refuse);
    await recoveryResponder({ chat, handle: handle(5), now: () => now, log }).replyPrivately('🚫 not allowed');
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.map((l) => l['msg'])).toEqual([
      'the platform refused the private answer to a recovered command',
      'a recovered command was answered privately; its invoker is gone',
    ]);
  });

  it('answers in the channel, visible only to the invoker, once the handle expired or was refused (Slack)', async () => {
    const refuse = () => Promise.reject(new ExternalError('slack-api', 'Slack refused the response_url (HTTP 404)'));
    for (const [h, answerLater] of [
      [handle(-1), undefined],
      [handle(5), refuse],
      [undefined, undefined],
    ] as const) {
      const { chat, log, lines } = setup(answerLater);
      const inChannel: string[] = [];
      const slack = {
        ...chat,
        answerInChannel: (channelId: string, userId: string, text: string) => {
          inChannel.push(`${channelId}/${userId}: ${text}`);
          return Promise.resolve();
        },
      };
      const invoker = { channelId: 'C0CHAN001', userId: 'U0MALLORY' };
      await recoveryResponder({ chat: slack, handle: h, invoker, now: () => now, log }).replyPrivately(
        '🚫 not allowed',
      );
      expect(inChannel).toEqual(['C0CHAN001/U0MALLORY: 🚫 not allowed']);
      expect(lines.join('')).not.toContain('its invoker is gone');
    }
  });

  it('logs the answer when the channel answer is refused too', async () => {
    const { chat, log, lines } = setup();
    const slack = {
      ...chat,
      answerInChannel: () => Promise.reject(new ExternalError('slack-api', 'user_not_in_channel')),
    };
    const invoker = { channelId: 'C0CHAN001', userId: 'U0MALLORY' };
    await recoveryResponder({ chat: slack, handle: handle(-1), invoker, now: () => now, log }).replyPrivately('x');
    const logged = lines.map((l) => (JSON.parse(l) as Record<string, unknown>)['msg']);
    expect(logged).toEqual([
      'the reply window of a recovered command closed',
      'the platform refused the answer in the channel to a recovered command',
      'a recovered command was answered privately; its invoker is gone',
    ]);
  });

  it('logs the answer when there is no handle (an intent saved before this change)', async () => {
    const { chat, log, lines } = setup();
    const responder = recoveryResponder({ chat, handle: undefined, now: () => now, log });
    expect('acknowledged' in responder).toBe(false);
    await responder.replyPrivately('Already received');
    expect(lines).toHaveLength(1);
  });
});
